// The objects a command's arguments name, as cli-runtime's resource.Builder finds them for the
// commands that change objects (label, annotate, patch, scale, set, edit): `TYPE NAME...`,
// `TYPE/NAME...`, `TYPE1,TYPE2 NAME` (each type with each name), or `TYPE` with -l,
// --field-selector or --all; each object fetched only when it is reached, a failed fetch
// reported in its place, so a command goes on with the rest (ContinueOnError).
import { CommandError } from './command';
import { collectionPath, groupVersion, objectPath, type Discovery, type ResourceInfo } from './discovery';
import type { RestClient } from './rest';

export type KubeObj = Record<string, unknown> & { metadata?: Record<string, unknown> };

export interface SelectOptions {
  args: string[];
  /** The command's namespace (-n or the context's). */
  namespace: string;
  allNamespaces?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** ResourceTypeOrNameArgs(allowEmptySelector): a lone TYPE means all of its objects (--all). */
  all?: boolean;
  /** Read (and later write) this subresource of each named object, e.g. scale or status. */
  subresource?: string;
}

export interface Visited {
  info: ResourceInfo;
  /** Undefined for cluster-scoped resources. */
  namespace: string | undefined;
  name: string;
  /** The object as the server has it, with apiVersion and kind; absent when the fetch failed. */
  object?: KubeObj;
  error?: unknown;
}

export interface Selection {
  /** One object was named (TYPE NAME or TYPE/NAME): kubectl's IntoSingleItemImplied. */
  singleItemImplied: boolean;
  visit(): AsyncGenerator<Visited>;
}

/** The error kubectl's builder gives when no resource was named at all. */
export const MISSING_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const CHUNK = 500;

/** `a,b x y` means a/x a/y b/x b/y (normalizeMultipleResourcesArgs). */
function normalize(args: string[]): string[] {
  const types = (args[0] ?? '').split(',').filter(Boolean);
  if (args.length < 2 || types.length < 2) return args;
  return types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
}

function tuplesOf(args: string[]): { type: string; name: string }[] | undefined {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed === 0) return undefined;
  if (slashed !== args.length)
    throw new CommandError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  return args.map((arg) => {
    const parts = arg.split('/');
    if (parts.length !== 2) throw new CommandError('arguments in resource/name form may not have more than one slash');
    const [type, name] = parts as [string, string];
    if (!type || !name || type.split(',').filter(Boolean).length !== 1) throw new CommandError('arguments in resource/name form must have a single resource and name');
    return { type, name };
  });
}

/** Items of a list as objects of their own (an unstructured list's items carry no kind). */
function withKind(info: ResourceInfo, item: KubeObj): KubeObj {
  return { apiVersion: groupVersion(info), kind: info.kind, ...item };
}

export function selectResources(rest: RestClient, discovery: Discovery, opts: SelectOptions): Selection {
  const args = normalize(opts.args);
  const namespace = opts.allNamespaces ? '' : opts.namespace;
  const tuples = tuplesOf(args);
  // ReplaceAliases: a category (`all`) stands for its resources.
  const types = tuples ? [] : (args[0] ?? '').split(',').filter(Boolean).flatMap((t) => {
    const members = discovery.category(t);
    return members.length ? members.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)) : [t];
  });
  const names = tuples ? [] : args.slice(1);
  let selector = opts.selector || undefined;
  const fieldSelector = opts.fieldSelector || undefined;
  if (!tuples && args.length === 1 && opts.all && selector === undefined) selector = '';

  const nsFor = (info: ResourceInfo): string | undefined => {
    if (!info.namespaced) return undefined;
    if (!namespace) throw new CommandError(opts.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
    return namespace;
  };
  const fetchOne = async (info: ResourceInfo, name: string): Promise<Visited> => {
    const ns = nsFor(info);
    const path = objectPath(info, ns, name) + (opts.subresource ? `/${opts.subresource}` : '');
    try {
      return { info, namespace: ns, name, object: await rest.json<KubeObj>({ path }) };
    } catch (error) {
      return { info, namespace: ns, name, error };
    }
  };

  if (selector !== undefined || fieldSelector !== undefined) {
    if (names.length) throw new CommandError('name cannot be provided when a selector is specified');
    if (tuples) throw new CommandError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!types.length) throw new CommandError('at least one resource must be specified to use a selector');
    if (opts.subresource) throw new CommandError('subresource cannot be used when bulk resources are specified');
    const infos = types.map((t) => discovery.resolve(t));
    return {
      singleItemImplied: false,
      async *visit() {
        for (const info of infos) {
          const ns = info.namespaced && namespace ? namespace : undefined;
          const items: KubeObj[] = [];
          let next: string | undefined;
          do {
            const page = await rest.json<{ items?: KubeObj[]; metadata?: { continue?: string } }>({
              path: collectionPath(info, ns),
              query: { labelSelector: selector || undefined, fieldSelector, limit: CHUNK, continue: next },
            });
            items.push(...(page.items ?? []));
            next = page.metadata?.continue || undefined;
          } while (next);
          for (const item of items) {
            const meta = (item.metadata ?? {}) as { name?: string; namespace?: string };
            yield { info, namespace: meta.namespace, name: meta.name ?? '', object: withKind(info, item) };
          }
        }
      },
    };
  }
  if (tuples) {
    const resolved = tuples.map((t) => ({ info: discovery.resolve(t.type), name: t.name }));
    for (const r of resolved) nsFor(r.info);
    return {
      singleItemImplied: tuples.length === 1,
      async *visit() {
        for (const r of resolved) yield await fetchOne(r.info, r.name);
      },
    };
  }
  if (names.length) {
    const info = discovery.resolve(types[0]!);
    nsFor(info);
    return {
      singleItemImplied: names.length === 1,
      async *visit() {
        for (const name of names) yield await fetchOne(info, name);
      },
    };
  }
  if (types.length) {
    for (const t of types) discovery.resolve(t);
    throw new CommandError('resource(s) were provided, but no name was specified');
  }
  throw new CommandError(MISSING_RESOURCES);
}

/**
 * Runs fn on each object in turn and goes on after a failure (ContinueOnError): the failures,
 * a failed fetch among them, are thrown together at the end.
 */
export async function visitEach(selection: Selection, fn: (visited: Visited & { object: KubeObj }) => Promise<void>): Promise<void> {
  const errors: unknown[] = [];
  for await (const visited of selection.visit()) {
    try {
      if (!visited.object) throw visited.error;
      await fn(visited as Visited & { object: KubeObj });
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw collected(errors);
}

/** What ContinueOnError's visitor returns for its failures: a lone one as itself, several as an aggregate. */
export function collected(errors: unknown[]): unknown {
  return errors.length === 1 ? errors[0] : new AggregateError(errors);
}

export type Found = Visited & { object: KubeObj };

/** Every object read first (the builder's Infos()): those found, and the failures in order. */
export async function readAll(selection: Selection): Promise<{ found: Found[]; failures: unknown[] }> {
  const found: Found[] = [];
  const failures: unknown[] = [];
  for await (const v of selection.visit()) {
    if (v.object) found.push(v as Found);
    else failures.push(v.error);
  }
  return { found, failures };
}
