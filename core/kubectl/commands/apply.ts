// kubectl apply -f: each object of the files applied client-side (last-applied annotation and a
// three-way patch) or, with --server-side, as a server-side apply patch; "kind/name created",
// "configured", "unchanged" or "serverside-applied" as each goes, or with -o yaml|json the
// objects at the end (a List when several). Errors are reported after all the objects.
import { CommandError, UsageError, type Command, type CommandContext } from '../command';
import { applyClientSide } from '../apply/client-side';
import { applyServerSide } from '../apply/server-side';
import { setLastApplied } from '../apply/set-last-applied';
import { viewLastApplied } from '../apply/view-last-applied';
import { errorsText } from '../errors';
import { FILENAME_FLAGS, readFromFlags, type KubeObject } from '../manifests/objects';
import { withoutManagedFields } from '../printers/managed-fields';
import { toGoJson, toJson } from '../printers/yaml-json';
import { resultPrinter, writeFlags, writeOptions } from '../write';

function validateApply(ctx: CommandContext, serverSide: boolean, dryRun: string): void {
  const { flags } = ctx;
  if (flags.bool('force-conflicts') && !serverSide) throw new CommandError('--force-conflicts only works with --server-side');
  if (dryRun === 'client' && serverSide) throw new CommandError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (serverSide && flags.bool('force')) throw new CommandError('--force cannot be used with --server-side');
  if (dryRun === 'server' && flags.bool('force')) throw new CommandError('--dry-run=server cannot be used with --force');
  if (flags.bool('all') && flags.string('selector')) throw new CommandError('cannot set --all and --selector at the same time');
  if (flags.bool('prune')) throw new CommandError('--prune is not supported by the built-in kubectl yet');
}

/** Several objects printed with -o as kubectl's typed v1 List (JSON in Go field order). */
function listOf(objects: KubeObject[], showManagedFields: boolean, output: string): KubeObject | string {
  const items = objects.map((o) => (showManagedFields ? o : withoutManagedFields(o)));
  if (output === 'json') return toGoJson({ kind: 'List', apiVersion: 'v1', metadata: {}, items: items.map((i) => JSON.parse(toJson(i)) as unknown) });
  return { kind: 'List', apiVersion: 'v1', metadata: {}, items };
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (ctx.args.length) throw new UsageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const serverSide = flags.bool('server-side');
  const write = writeOptions(ctx, serverSide ? 'kubectl' : 'kubectl-client-side-apply');
  const filenames = flags.strings('filename');
  if (!filenames.length) throw new CommandError('must specify one of -f and -k');
  validateApply(ctx, serverSide, write.dryRun);
  const printer = resultPrinter(flags, { dryRun: write.dryRun, cwd: io.cwd });
  const session = await ctx.session();
  const read = await readFromFlags(ctx, session, write.validation !== 'Ignore');
  const errors = [...read.errors];
  if (!read.objects.length && !errors.length) throw new CommandError('no objects passed to apply');
  const results: KubeObject[] = [];
  for (const m of read.objects) {
    try {
      if (!m.name && m.object.metadata?.generateName) throw new CommandError(`from ${m.object.metadata.generateName}: cannot use generate name with apply`);
      const applied = serverSide
        ? { operation: 'serverside-applied', object: await applyServerSide(session, m, write, flags.bool('force-conflicts')) }
        : await applyClientSide(session, m, write, io.stderr);
      results.push(applied.object);
      if (!printer.printsObjects) io.stdout.write(printer.print(applied.object, applied.operation));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) {
    io.stderr.write(errorsText(errors, ctx.path));
    return 1;
  }
  if (printer.printsObjects && results.length) {
    const output = flags.string('output');
    const shown = results.length === 1 ? results[0]! : listOf(results, flags.bool('show-managed-fields'), output);
    io.stdout.write(typeof shown === 'string' ? shown : printer.print(shown, ''));
  }
  return 0;
}

export const apply: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  subcommands: [setLastApplied, viewLastApplied],
  flags: [
    ...FILENAME_FLAGS,
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prune', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'wait', type: 'bool' },
    ...writeFlags({ validate: true }),
  ],
  run,
};
