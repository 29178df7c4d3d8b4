// The objects `-f` names, as kubectl's resource builder visits them: each source decoded into
// documents (JSON when it starts with "{", YAML otherwise), empty documents skipped, each one
// checked (apiVersion and kind set), `kind: List` flattened, its kind mapped to a resource and
// its namespace settled. A source that cannot be read or parsed stops at that point; a bad
// object is an error of its own and the others go on, as with ContinueOnError.
import { matchesLabels, parseLabelSelector } from '../../machinery/selectors/label-selector';
import { CommandError, type CommandContext, type Session } from '../command';
import type { FlagSpec } from '../flags';
import { goMarshal } from '../go-json';
import type { Discovery, ResourceInfo } from '../discovery';
import { eachJsonValue, JsonStreamError } from './json-stream';
import { expandFilenames, type Source } from './sources';
import { decodeYamlDocument, splitDocuments, YamlStreamError } from './yaml-documents';

export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
};

/** One object from a manifest (kubectl's resource.Info). */
export interface ManifestObject {
  source: string;
  object: KubeObject;
  info: ResourceInfo;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

export interface ReadOptions {
  filenames: string[];
  recursive: boolean;
  /** Client-side checks of --validate (off with --validate=false/ignore). */
  validate: boolean;
  /** -l: only objects whose labels match. */
  selector?: string;
  namespace: string;
  /** -n was given: objects of another namespace are refused. */
  enforceNamespace: boolean;
}

export interface ReadResult {
  objects: ManifestObject[];
  /** Errors in the order met, each printed as kubectl prints it. */
  errors: unknown[];
}

/** Every document of a source, or the parse error after the documents before it. */
function documentsOf(text: string, source: string, each: (doc: unknown, raw: string) => void): void {
  try {
    if (text.trimStart().startsWith('{')) eachJsonValue(text, each);
    else
      for (const chunk of splitDocuments(text)) {
        const doc = decodeYamlDocument(chunk);
        each(doc, goMarshal(doc));
      }
  } catch (err) {
    if (err instanceof JsonStreamError || err instanceof YamlStreamError) throw new CommandError(`error parsing ${source}: ${err.message}`);
    throw err;
  }
}

/** ValidateSchema's first checks, in kubectl's words. */
function validationError(doc: unknown, source: string): CommandError | undefined {
  const problems: string[] = [];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) problems.push('invalid object to validate');
  else {
    const o = doc as KubeObject;
    if (!o.apiVersion) problems.push('apiVersion not set');
    if (!o.kind) problems.push('kind not set');
  }
  if (!problems.length) return undefined;
  const what = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
  return new CommandError(`error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The resource of an object's kind, as the RESTMapper maps a GroupVersionKind. */
export function resourceForKind(discovery: Discovery, apiVersion: string, kind: string): ResourceInfo | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return discovery.resources.find((r) => r.group === group && r.version === version && r.kind === kind);
}

/** The builder's view of one decoded object: its resource and namespace, or why not. */
function toManifestObject(o: KubeObject, source: string, discovery: Discovery, opts: ReadOptions): ManifestObject {
  const name = o.metadata?.name ?? '';
  const info = resourceForKind(discovery, o.apiVersion!, o.kind!);
  if (!info) {
    throw new CommandError(
      `resource mapping not found for name: "${name}" namespace: "${o.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  let namespace = '';
  if (info.namespaced) {
    namespace = o.metadata?.namespace || opts.namespace;
    if (opts.enforceNamespace && namespace !== opts.namespace)
      throw new CommandError(`the namespace from the provided object "${namespace}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${namespace}' to perform this operation.`);
    o.metadata = { ...o.metadata, namespace };
  }
  return { source, object: o, info, namespace, name };
}

async function readSource(source: Source, discovery: Discovery, opts: ReadOptions, result: ReadResult): Promise<void> {
  const selector = opts.selector ? parseLabelSelector(opts.selector) : undefined;
  const visit = (o: KubeObject) => {
    try {
      const found = toManifestObject(o, source.name, discovery, opts);
      if (!selector || matchesLabels(selector, found.object.metadata?.labels)) result.objects.push(found);
    } catch (err) {
      result.errors.push(err);
    }
  };
  const text = await source.read();
  documentsOf(text, source.name, (doc, raw) => {
    if (doc === null || doc === undefined) return;
    const invalid = opts.validate ? validationError(doc, source.name) : undefined;
    if (invalid) throw invalid;
    const o = doc as KubeObject;
    const missing = !o.kind ? 'Kind' : !o.apiVersion ? 'apiVersion' : undefined;
    if (missing) {
      // Without validation the decoder is the first to notice.
      result.errors.push(new CommandError(`unable to decode "${source.name}": Object '${missing}' is missing in '${raw}'`));
      return;
    }
    if (Array.isArray(o.items) && o.kind?.endsWith('List')) for (const item of o.items as KubeObject[]) visit(item);
    else visit(o);
  });
}

/** Reads every -f; throws only for what stops kubectl before it reads anything (a missing path). */
export async function readManifests(opts: ReadOptions, io: { cwd: string; stdin: NodeJS.ReadableStream }, discovery: Discovery): Promise<ReadResult> {
  const sources = expandFilenames(opts.filenames, opts.recursive, io);
  const result: ReadResult = { objects: [], errors: [] };
  for (const source of sources) {
    try {
      await readSource(source, discovery, opts, result);
    } catch (err) {
      result.errors.push(err);
    }
  }
  return result;
}

/** -f, -R (and -l where a command takes it), as every file-reading command declares them. */
export const FILENAME_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

/** The objects a command's -f/-R/-l name, in its session's namespace. */
export async function readFromFlags(ctx: CommandContext, session: Session, validate: boolean): Promise<ReadResult> {
  const { flags } = ctx;
  if (flags.string('kustomize')) throw new CommandError('-k is not supported by the built-in kubectl yet');
  return readManifests(
    {
      filenames: flags.strings('filename'),
      recursive: flags.bool('recursive'),
      validate,
      selector: flags.string('selector') || undefined,
      namespace: session.config.namespace,
      enforceNamespace: session.config.namespaceExplicit,
    },
    ctx.io,
    await session.discovery(),
  );
}
