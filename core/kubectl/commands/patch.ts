// kubectl patch: a strategic merge (default), JSON merge or JSON patch sent for each object
// named (or its --subresource), "patched" or "patched (no change)" as the answer compares with
// the object read before; --dry-run=client applies the patch here instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { objectPath } from '../discovery';
import { ServerError } from '../rest';
import { selectResources, visitEach, type KubeObj, type Visited } from '../resource-builder';
import { deepEqual } from '../../machinery/json-value';
import { applyJsonPatch } from '../../apiserver/patch/json-patch';
import { applyMergePatch } from '../../apiserver/patch/merge-patch';
import { applyStrategicMergePatch } from '../../apiserver/patch/strategic-merge-patch';
import { patchBody } from '../modify/patch-body';
import { builtInSchema } from '../modify/typed-schema';
import { dryRunOf, writeFlags, writeQuery } from '../write/options';
import { resultPrinter } from '../write/print';

const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** The patch applied here, for --dry-run=client (getPatchedJSON). */
function patchLocally(type: string, obj: KubeObj, body: string): KubeObj {
  const patch: unknown = JSON.parse(body);
  if (type === 'json') return applyJsonPatch(obj, patch) as KubeObj;
  if (type === 'merge') return applyMergePatch(obj, patch) as KubeObj;
  const apiVersion = String(obj.apiVersion ?? '');
  const schema = builtInSchema(apiVersion, String(obj.kind ?? ''));
  if (!schema) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    throw new CommandError(`strategic merge patch is not supported for ${group}/${version}, Kind=${String(obj.kind)} locally, try --type merge`);
  }
  return applyStrategicMergePatch(obj, patch, schema) as KubeObj;
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const dryRun = dryRunOf(flags, io.stderr);
  // patch's printer takes its operation after the dry-run suffix was added: it never shows one.
  const printer = resultPrinter(flags, { dryRun: 'none', cwd: io.cwd });
  const patchText = flags.string('patch');
  const patchFile = flags.string('patch-file');
  if (patchText && patchFile) throw new CommandError('cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw new CommandError('must specify --patch or --patch-file containing the contents of the patch');
  if (flags.bool('local') && ctx.args.length) throw new CommandError('cannot specify --local and server resources');
  const typeFlag = flags.string('type', 'strategic');
  const type = typeFlag.toLowerCase();
  if (typeFlag && !PATCH_TYPES[type]) throw new CommandError(`--type must be one of [json merge strategic], not ${JSON.stringify(typeFlag)}`);
  const contentType = PATCH_TYPES[type || 'strategic']!;

  let text = patchText;
  if (patchFile) {
    try {
      text = readFileSync(resolve(io.cwd, patchFile), 'utf8');
    } catch {
      throw new CommandError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    }
  }
  const body = patchBody(text, patchText);

  const session = await ctx.session();
  const subresource = flags.string('subresource') || undefined;
  const selection = selectResources(session.rest, await session.discovery(), { args: ctx.args, namespace: session.config.namespace, subresource });
  const fieldManager = flags.string('field-manager') || 'kubectl-patch';

  const one = async ({ info, namespace, name, object }: Visited & { object: KubeObj }): Promise<void> => {
    let patched: KubeObj;
    if (dryRun === 'client') patched = patchLocally(type || 'strategic', object, body);
    else {
      try {
        patched = await session.rest.json<KubeObj>({
          method: 'PATCH',
          path: objectPath(info, namespace, name) + (subresource ? `/${subresource}` : ''),
          query: writeQuery({ dryRun, fieldManager }),
          contentType,
          body,
        });
      } catch (err) {
        if (err instanceof ServerError && err.httpStatus === 415)
          throw new Error(`${contentType} is not supported by ${info.group}/${info.version}, Kind=${info.kind}: ${err.message}`);
        throw err;
      }
    }
    io.stdout.write(printer.print(patched, deepEqual(object, patched) ? 'patched (no change)' : 'patched'));
  };

  await visitEach(selection, one);
  return 0;
}

export const patch: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    ...writeFlags(),
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run,
};
