// kubectl apply set-last-applied -f: each object's last-applied-configuration annotation set to
// the file's version of it (a JSON merge patch of the annotation alone), without touching the
// object otherwise. Objects whose annotation already says that are reported and skipped; the
// first failure stops everything before anything is patched.
import { CommandError, type Command, type CommandContext } from '../command';
import { objectPath } from '../discovery';
import { goMarshal } from '../go-json';
import { FILENAME_FLAGS, readManifests, type KubeObject, type ManifestObject } from '../manifests/objects';
import { LAST_APPLIED, resultPrinter, writeOptions, WRITE_PRINT_FLAGS } from '../write';

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const write = writeOptions(ctx, 'kubectl-client-side-apply');
  const printer = resultPrinter(flags, { dryRun: write.dryRun, cwd: io.cwd });
  const session = await ctx.session();
  const read = await readManifests(
    { filenames: flags.strings('filename'), recursive: flags.bool('recursive'), validate: false, namespace: session.config.namespace, enforceNamespace: session.config.namespaceExplicit },
    io,
    await session.discovery(),
  );
  if (read.errors.length) throw read.errors[0];
  const pending: { m: ManifestObject; live: KubeObject; config: string }[] = [];
  for (const m of read.objects) {
    const config = `${goMarshal(m.object)}\n`;
    const live = await session.rest.json<KubeObject>({ path: objectPath(m.info, m.namespace || undefined, m.name) });
    const original = live.metadata?.annotations?.[LAST_APPLIED];
    if (original === undefined && !flags.bool('create-annotation'))
      throw new CommandError(`no last-applied-configuration annotation found on resource: ${m.name}, to create the annotation, run the command with --create-annotation`);
    if (original === config) io.stdout.write(`set-last-applied ${m.name}: no changes required.\n`);
    else pending.push({ m, live, config });
  }
  for (const { m, live, config } of pending) {
    const patched =
      write.dryRun === 'client'
        ? live
        : await session.rest.json<KubeObject>({
            method: 'PATCH',
            path: objectPath(m.info, m.namespace || undefined, m.name),
            query: { dryRun: write.dryRun === 'server' ? 'All' : undefined },
            contentType: 'application/merge-patch+json',
            body: { metadata: { annotations: { [LAST_APPLIED]: config } } },
          });
    io.stdout.write(printer.print(patched, 'configured'));
  }
  return 0;
}

export const setLastApplied: Command = {
  name: 'set-last-applied',
  short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
  flags: [...FILENAME_FLAGS, { name: 'create-annotation', type: 'bool' }, { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' }, ...WRITE_PRINT_FLAGS],
  run,
};
