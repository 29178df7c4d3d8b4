// kubectl edit: the objects named, as YAML (or JSON with -o json) under kubectl's header, in
// $KUBE_EDITOR; the two-way strategic merge patch (a JSON merge patch for kinds kubectl does not
// know) between what was shown and what was saved, sent for each object. Changes to apiVersion,
// kind or name are refused; objects the server finds invalid are offered again with the
// reasons in the header, until the editor saves nothing new.
import { existsSync, rmSync } from 'node:fs';
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { objectPath, type ResourceInfo } from '../discovery';
import { ServerError, type RestClient } from '../rest';
import { collected, readAll, selectResources, type Found, type KubeObj } from '../resource-builder';
import { createMergePatch } from '../../apiserver/patch/merge-patch';
import { createTwoWayStrategicMergePatch } from '../../apiserver/patch/strategic-merge-patch';
import { editInTempFile } from '../modify/editor';
import { builtInSchema } from '../modify/typed-schema';
import { toJson, toYaml } from '../printers/yaml-json';
import { goMarshal } from '../go-json';
import { decodeYamlDocument, splitDocuments } from '../manifests/yaml-documents';
import { validationOf, writeFlags, writeQuery } from '../write/options';
import { resultPrinter, type ResultPrinter } from '../write/print';
import { withLastApplied } from '../write/last-applied';

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n#\n';

interface Reason {
  head: string;
  other: string[];
}

/** The header, with the reasons the last save failed. */
function header(reasons: Reason[]): string {
  const comment = (s: string) => s.replace(/\n(?!#)/g, '\n# ');
  return (
    HEADER +
    reasons.map((r) => `# ${comment(r.head)}${r.other.length ? ':' : ''}\n${r.other.map((o) => `# * ${comment(o)}\n`).join('')}#\n`).join('')
  );
}

/** cmdutil.ManualStrip: the text without its comment lines ("#!" is kept). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!')))
    .join('\n');
}

/** cmdutil.StripComments: the document as JSON with sorted keys, or the text without comments when it is not YAML. */
export function stripComments(text: string): string {
  try {
    return toJson(decodeYamlDocument(text));
  } catch {
    return manualStrip(text);
  }
}

/**
 * kubectl's client-side check of a saved file before anything is sent (paramVerifyingSchema):
 * it must read as YAML and be an object with apiVersion and kind; the problem, or undefined.
 */
export function validationProblem(text: string): string | undefined {
  let obj: unknown;
  try {
    obj = decodeYamlDocument(manualStrip(text));
  } catch (err) {
    return (err as Error).message.replace(/^error converting YAML to JSON: /, '');
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return 'invalid object to validate';
  const { apiVersion, kind } = obj as Record<string, unknown>;
  const problems = [
    apiVersion == null ? 'apiVersion not set' : typeof apiVersion !== 'string' ? "apiVersion isn't string type" : undefined,
    kind == null ? 'kind not set' : typeof kind !== 'string' ? "kind isn't string type" : undefined,
  ].filter((p): p is string => Boolean(p));
  return problems.length > 1 ? `[${problems.join(', ')}]` : problems[0];
}

/** The objects a saved file holds: every document, Lists flattened. */
function parseEdited(text: string): KubeObj[] {
  const objects: KubeObj[] = [];
  for (const doc of splitDocuments(text).map(decodeYamlDocument)) {
    if (!doc || typeof doc !== 'object') continue;
    const obj = doc as KubeObj;
    if (Array.isArray(obj.items) && String(obj.kind ?? '').endsWith('List')) objects.push(...(obj.items as KubeObj[]));
    else objects.push(obj);
  }
  return objects;
}

const uidOf = (o: KubeObj) => String((o.metadata as { uid?: string } | undefined)?.uid ?? '');

function withoutManagedFields(o: KubeObj): KubeObj {
  const { managedFields: _, ...metadata } = o.metadata ?? {};
  return { ...o, metadata };
}

/** The patch kubectl sends for one object, or the precondition failure. */
function patchFor(original: KubeObj, edited: KubeObj): { type: string; patch: Record<string, unknown> } {
  const schema = builtInSchema(String(edited.apiVersion ?? ''), String(edited.kind ?? ''));
  const patch = (schema ? createTwoWayStrategicMergePatch(original, edited, schema) : createMergePatch(original, edited)) as Record<string, unknown>;
  const meta = patch.metadata as Record<string, unknown> | undefined;
  if ('apiVersion' in patch || 'kind' in patch || 'managedFields' in patch || (meta && 'name' in meta))
    throw new Error('At least one of apiVersion, kind and name was changed');
  return { type: schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json', patch };
}

/** "deployments.apps \"web\"", as edit's messages name an object. */
const resourceAndName = ({ info, name }: Found) => `${info.group ? `${info.resource}.${info.group}` : info.resource} ${JSON.stringify(name)}`;

interface Session {
  ctx: CommandContext;
  rest: RestClient;
  printer: ResultPrinter;
  subresource?: string;
}

interface Results {
  reasons: Reason[];
  invalid: number;
  retryable: number;
  notFound: number;
}

/** visitToPatch: each saved object patched against the one shown; failures noted in results. */
async function patchAll(s: Session, originals: Found[], editedObjects: KubeObj[], results: Results): Promise<void> {
  const { io, flags } = s.ctx;
  for (const raw of editedObjects) {
    const original = originals.find((o) => uidOf(o.object) === uidOf(raw));
    if (!original) throw new Error(`no original object found for ${JSON.stringify(raw)}`);
    // Managed fields are not edited: both sides get the server's back.
    const managed = original.object.metadata?.managedFields;
    let edited: KubeObj = { ...raw, metadata: { ...raw.metadata, ...(managed ? { managedFields: managed } : {}) } };
    if (flags.bool('save-config')) edited = withLastApplied(edited, false);
    if (toJson(original.object) === toJson(edited)) {
      io.stdout.write(s.printer.print(edited, 'skipped'));
      continue;
    }
    const { type, patch } = patchFor(original.object, edited);
    if (flags.bool('output-patch')) io.stdout.write(`Patch: ${goMarshal(patch)}\n`);
    const info: ResourceInfo = original.info;
    try {
      const patched = await s.rest.json<KubeObj>({
        method: 'PATCH',
        path: objectPath(info, original.namespace, original.name) + (s.subresource ? `/${s.subresource}` : ''),
        query: writeQuery({ dryRun: 'none', fieldManager: flags.string('field-manager') || 'kubectl-edit', validation: validationOf(flags) }),
        contentType: type,
        body: JSON.stringify(patch),
      });
      io.stdout.write(s.printer.print(patched, 'edited'));
    } catch (err) {
      if (!(err instanceof ServerError)) throw err;
      const what = resourceAndName(original);
      if (err.status.reason === 'Invalid') {
        results.invalid++;
        results.reasons.push({ head: `${what} was not valid`, other: (err.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
        io.stderr.write(`error: ${what} is invalid\n`);
      } else if (err.httpStatus === 404) {
        results.notFound++;
        io.stderr.write(`error: ${what} could not be found on the server\n`);
      } else {
        results.retryable++;
        io.stderr.write(`error: ${what} could not be patched: ${err.message}\n`);
      }
    }
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const output = flags.string('output');
  const asJson = output === 'json';
  if (output && output !== 'yaml' && !asJson) throw new CommandError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml`);
  const printer = resultPrinter(flags, { dryRun: 'none', cwd: io.cwd });
  const validation = validationOf(flags);
  const session = await ctx.session();
  const subresource = flags.string('subresource') || undefined;
  const selection = selectResources(session.rest, await session.discovery(), { args: ctx.args, namespace: session.config.namespace, all: true, subresource });
  const { found: originals, failures } = await readAll(selection);
  if (failures.length) throw collected(failures);
  if (!originals.length) throw new CommandError('edit cancelled, no objects found');

  const s: Session = { ctx, rest: session.rest, printer, subresource };
  const shownObjects = originals.map((o) => withoutManagedFields(o.object));
  const shown = shownObjects.length === 1 ? shownObjects[0]! : { apiVersion: 'v1', items: shownObjects, kind: 'List', metadata: {} };
  const render = (text: string) => (flags.bool('windows-line-endings') ? text.replace(/\n/g, '\r\n') : text);
  const original = asJson ? toJson(shown) : toYaml(shown);
  let reasons: Reason[] = [];
  let edited = '';
  let lastFile = '';
  let containsError = false;
  for (;;) {
    const body = containsError ? manualStrip(edited) : original;
    const previous = edited;
    let file: string;
    try {
      ({ edited, file } = await editInTempFile(render((asJson ? '' : header(reasons)) + body), asJson ? '.json' : '.yaml', io.env));
    } catch (err) {
      throw preserved(err as Error, lastFile, io);
    }
    if (containsError && stripComments(previous) === stripComments(edited)) throw preserved(new Error('Edit cancelled, no valid changes were saved.'), file, io);
    if (lastFile) rmSync(lastFile, { force: true });
    lastFile = file;
    const problem = validation === 'Ignore' ? undefined : validationProblem(edited);
    if (problem) {
      const what = resourceAndName(originals[0]!);
      io.stderr.write(`error: ${what} is invalid\n`);
      reasons = [{ head: `${what} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${problem}`] }];
      containsError = true;
      continue;
    }
    if (stripComments(original) === stripComments(edited)) {
      rmSync(file, { force: true });
      io.stderr.write('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!edited.split('\n').some((l) => l.trim() && !l.trim().startsWith('#'))) {
      rmSync(file, { force: true });
      io.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    let editedObjects: KubeObj[];
    try {
      editedObjects = parseEdited(edited);
    } catch (err) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${(err as Error).message}`, other: [] }];
      continue;
    }
    containsError = false;
    const results: Results = { reasons: [], invalid: 0, retryable: 0, notFound: 0 };
    try {
      await patchAll(s, originals, editedObjects, results);
    } catch (err) {
      throw preserved(err as Error, file, io);
    }
    if (results.retryable) {
      io.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (results.notFound) {
      io.stderr.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      return 1;
    }
    if (!results.invalid) {
      rmSync(file, { force: true });
      return 0;
    }
    reasons = results.reasons;
    containsError = true;
  }
}

/** preservedFile: says where the changes are kept, then fails with err. */
function preserved(err: Error, file: string, io: CommandContext['io']): Error {
  if (file && existsSync(file)) io.stderr.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  return err;
}

export const edit: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: [
    ...writeFlags({ validate: true, saveConfig: true }).filter((f) => f.name !== 'dry-run'),
    { name: 'output-patch', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run,
};
