// kubectl delete: objects by -f, TYPE NAME, TYPE/NAME, or -l/--field-selector/--all, each
// deleted with the --cascade propagation policy and grace period, "kind "name" deleted" printed
// (or "kind/name" with -o name) as each goes, then, with --wait (the default), every one
// awaited until gone. Errors go on to the next object and are reported at the end.
import { CommandError, type Command, type CommandContext } from '../command';
import { objectPath, qualifiedKind } from '../discovery';
import { deleteBody, deleteSettings, validateDelete } from '../delete/options';
import { objectTargets, type Target } from '../object-targets';
import { waitDeleted, type Deleted } from '../delete/wait-deleted';
import { errorsText, withSource } from '../errors';
import { ServerError } from '../rest';
import { dryRunOf } from '../write/options';

interface DeleteAnswer {
  kind?: string;
  metadata?: { uid?: string };
  details?: { uid?: string };
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  const settings = deleteSettings(flags, io.stderr);
  const dryRun = dryRunOf(flags, io.stderr);
  const session = await ctx.session();
  const { targets, errors: readErrors } = await objectTargets(ctx, session);
  const errors: unknown[] = [];
  validateDelete(flags, settings, io.stderr);
  if (flags.bool('interactive')) throw new CommandError('--interactive is not supported by the built-in kubectl yet');

  const operation = `${settings.gracePeriod === 0 ? 'force deleted' : 'deleted'}${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}`;
  const print = (t: Target) => io.stdout.write(flags.string('output') === 'name' ? `${qualifiedKind(t.info)}/${t.name}\n` : `${qualifiedKind(t.info)} "${t.name}" ${operation}\n`);
  let warnClusterScope = session.config.namespaceExplicit && !flags.bool('all-namespaces');
  const deleted: Deleted[] = [];
  let found = 0;
  for (const t of targets) {
    found++;
    if (warnClusterScope && !t.info.namespaced) {
      io.stderr.write('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (dryRun === 'client') {
      print(t);
      continue;
    }
    try {
      const answer = await session.rest.json<DeleteAnswer>({
        method: 'DELETE',
        path: objectPath(t.info, t.namespace || undefined, t.name),
        query: { dryRun: dryRun === 'server' ? 'All' : undefined },
        body: deleteBody(settings),
      });
      print(t);
      deleted.push({ info: t.info, namespace: t.namespace, name: t.name, uid: answer.kind === 'Status' ? answer.details?.uid : answer.metadata?.uid });
    } catch (err) {
      // An ignored NotFound still counts as found: no "No resources found".
      if (settings.ignoreNotFound && err instanceof ServerError && err.httpStatus === 404) continue;
      errors.push(withSource(err, 'deleting', t.source));
    }
  }
  // A file's own errors come after those of deleting its objects (they are gathered a level up).
  errors.push(...readErrors);
  if (errors.length) {
    io.stderr.write(errorsText(errors, ctx.path));
    return 1;
  }
  if (found === 0) {
    io.stdout.write('No resources found\n');
    return 0;
  }
  if (flags.bool('wait', true) && dryRun === 'none') {
    try {
      await waitDeleted(session.rest, deleted, flags.int('timeout', 0));
    } catch (err) {
      // Waiting is best effort where the server will not let kubectl watch.
      if (err instanceof ServerError && (err.httpStatus === 403 || err.httpStatus === 405)) return 0;
      throw err;
    }
  }
  return 0;
}

export const del: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefVal: 'background' },
    { name: 'grace-period', type: 'int' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'timeout', type: 'duration' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
  ],
  run,
};
