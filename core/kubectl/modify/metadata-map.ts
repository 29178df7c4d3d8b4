// What kubectl label and kubectl annotate share: the objects the arguments name, each changed
// locally (keys set or removed, --overwrite guarding existing values), the JSON merge patch
// between before and after sent to the server (or, with --dry-run=client, nothing sent),
// --list, --resource-version, and errors collected so the other objects are still done.
import type { CommandContext } from '../command';
import { CommandError } from '../command';
import type { FlagSpec } from '../flags';
import { objectPath } from '../discovery';
import { createMergePatch } from '../../apiserver/patch/merge-patch';
import { selectResources, visitEach, type KubeObj, type Visited } from '../resource-builder';
import { dryRunOf, writeFlags, writeQuery } from '../write/options';
import { resultPrinter } from '../write/print';
import { splitResourcesAndPairs, type Pairs } from './pairs';

export interface MetadataMapCommand {
  field: 'labels' | 'annotations';
  /** "label" or "annotation", as the messages name it. */
  pairType: string;
  fieldManager: string;
  parse(pairs: string[]): Pairs;
  /** Checks done after the flags are read and before anything is fetched, in kubectl's order. */
  validate(ctx: CommandContext, resources: string[], pairs: Pairs): void;
  /** The error for keys that already have another value, without --overwrite. */
  overwriteError(conflicts: [key: string, current: string][]): Error;
  /** label says which removed keys were not there and prints the object it changed; annotate the server's answer. */
  label: boolean;
}

export const METADATA_MAP_FLAGS: FlagSpec[] = [
  ...writeFlags(),
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'record', type: 'bool' },
];

/** Sets and removes the keys on obj (in place); an error when a key would change without --overwrite. */
function change(cmd: MetadataMapCommand, obj: KubeObj, pairs: Pairs, overwrite: boolean, resourceVersion: string): void {
  const metadata = (obj.metadata ??= {});
  const current = (metadata[cmd.field] ?? {}) as Record<string, string>;
  if (!overwrite) {
    const conflicts = [...pairs.set].filter(([k, v]) => Object.hasOwn(current, k) && current[k] !== v && !(cmd.field === 'annotations' && k === 'kubernetes.io/change-cause'));
    if (conflicts.length) throw cmd.overwriteError(conflicts.map(([k]) => [k, current[k]!]));
  }
  const next = { ...current };
  for (const [k, v] of pairs.set) next[k] = v;
  for (const k of pairs.remove) delete next[k];
  metadata[cmd.field] = next;
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
}

/** label's updateDataChangeMsg: what happened, judged from the JSON before and after. */
function labelMessage(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

export async function runMetadataMap(cmd: MetadataMapCommand, ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const { resources, pairs: pairArgs } = splitResourcesAndPairs(ctx.args, cmd.pairType);
  const pairs = cmd.parse(pairArgs);
  const list = flags.bool('list');
  const dryRun = dryRunOf(flags, io.stderr);
  cmd.validate(ctx, resources, pairs);
  const printer = resultPrinter(flags, { dryRun, cwd: io.cwd });
  const session = await ctx.session();
  const selection = selectResources(session.rest, await session.discovery(), {
    args: resources,
    namespace: session.config.namespace,
    allNamespaces: flags.bool('all-namespaces'),
    selector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
    all: flags.bool('all'),
  });
  const resourceVersion = flags.string('resource-version');
  if (!selection.singleItemImplied && resourceVersion) throw new CommandError('--resource-version may only be used with a single resource');
  const overwrite = flags.bool('overwrite');
  const fieldManager = flags.string('field-manager') || cmd.fieldManager;

  const one = async ({ info, namespace, name, object }: Visited & { object: KubeObj }): Promise<void> => {
    // Unstructured SetResourceVersion("") removes the field; the flag's value goes back in later.
    if (resourceVersion) delete object.metadata?.resourceVersion;
    const before = JSON.stringify(object);
    let shown = object;
    if (dryRun === 'client' || list) {
      change(cmd, object, pairs, overwrite, resourceVersion);
    } else {
      const existing = (object.metadata?.[cmd.field] ?? {}) as Record<string, string>;
      if (cmd.label) for (const key of pairs.remove) if (!Object.hasOwn(existing, key)) io.stdout.write(`label ${JSON.stringify(key)} not found.\n`);
      const original = structuredClone(object);
      change(cmd, object, pairs, overwrite, resourceVersion);
      const answer = await session.rest.json<KubeObj>({
        method: 'PATCH',
        path: objectPath(info, namespace, name),
        query: writeQuery({ dryRun, fieldManager }),
        contentType: 'application/merge-patch+json',
        body: createMergePatch(original, object),
      });
      if (!cmd.label) shown = answer;
    }
    if (list) {
      const values = (shown.metadata?.[cmd.field] ?? {}) as Record<string, string>;
      const indent = selection.singleItemImplied ? '' : ' ';
      if (!selection.singleItemImplied) io.stdout.write(`Listing ${cmd.field} for ${info.kind}.${info.group}/${name}:\n`);
      for (const [k, v] of Object.entries(values)) io.stdout.write(`${indent}${k}=${v}\n`);
      return;
    }
    io.stdout.write(printer.print(shown, cmd.label ? labelMessage(before, JSON.stringify(object), overwrite) : 'annotated'));
  };

  await visitEach(selection, one);
  return 0;
}
