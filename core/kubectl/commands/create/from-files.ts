// kubectl create -f: every object of the files POSTed (with the last-applied annotation under
// --save-config), "kind/name created" printed as each goes; errors after, the files' own
// errors last.
import { CommandError, UsageError, type CommandContext } from '../../command';
import { collectionPath } from '../../discovery';
import { errorsText, withSource } from '../../errors';
import type { FlagSpec } from '../../flags';
import { FILENAME_FLAGS, readFromFlags, type KubeObject } from '../../manifests/objects';
import { resultPrinter, withLastApplied, writeOptions, writeQuery, LAST_APPLIED } from '../../write';

export const CREATE_FILE_FLAGS: FlagSpec[] = [...FILENAME_FLAGS, { name: 'selector', short: 'l', type: 'string' }, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }];

/** util.CreateOrUpdateAnnotation: --save-config writes the annotation, else only an existing one is refreshed. */
export function annotated(obj: KubeObject, saveConfig: boolean): KubeObject {
  return saveConfig || obj.metadata?.annotations?.[LAST_APPLIED] ? (withLastApplied(obj, false) as KubeObject) : obj;
}

export async function createFromFiles(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length) throw new UsageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  if (flags.bool('edit') || flags.string('raw')) throw new CommandError('--edit and --raw are not supported by the built-in kubectl yet');
  if (!flags.strings('filename').length) throw new CommandError('must specify one of -f and -k');
  const write = writeOptions(ctx, 'kubectl-create');
  const printer = resultPrinter(flags, { dryRun: write.dryRun, cwd: io.cwd });
  const session = await ctx.session();
  const read = await readFromFlags(ctx, session, write.validation !== 'Ignore');
  const errors: unknown[] = [];
  let count = 0;
  for (const m of read.objects) {
    let obj = annotated(m.object, write.saveConfig);
    if (write.dryRun !== 'client') {
      try {
        obj = await session.rest.json<KubeObject>({ method: 'POST', path: collectionPath(m.info, m.namespace || undefined), query: writeQuery(write), body: obj });
      } catch (err) {
        errors.push(withSource(err, 'creating', m.source));
        continue;
      }
    }
    count++;
    io.stdout.write(printer.print(obj, 'created'));
  }
  errors.push(...read.errors);
  if (errors.length) {
    io.stderr.write(errorsText(errors, ctx.path));
    return 1;
  }
  if (count === 0) throw new CommandError('no objects passed to create');
  return 0;
}
