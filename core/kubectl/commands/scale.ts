// kubectl scale: a new spec.replicas through each object's /scale subresource (a merge patch,
// or with --current-replicas / --resource-version a GET, a check and a PUT), retried while the
// server answers Conflict; --timeout then waits until the replicas are there. Like kubectl it
// stops at the first object that fails, and prints the object as it was read.
import type { Command, CommandContext } from '../command';
import { CommandError } from '../command';
import { objectPath } from '../discovery';
import { aggregateMessage } from '../errors';
import { ServerError, type RestClient } from '../rest';
import { collected, readAll, selectResources } from '../resource-builder';
import { dryRunOf, writeFlags, writeQuery, type DryRun } from '../write/options';
import { resultPrinter } from '../write/print';
import { missingRequired } from './create/generator';

interface Scale {
  metadata?: { resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

interface Precondition {
  replicas: number;
  resourceVersion: string;
}

const RETRY_MS = 1000;
const RETRY_FOR_MS = 5 * 60 * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ScaleSimple: one attempt. */
async function scaleOnce(rest: RestClient, path: string, replicas: number, pre: Precondition | undefined, dryRun: DryRun): Promise<void> {
  // The scale client sends no fieldManager.
  const query = writeQuery({ dryRun, fieldManager: '' });
  if (!pre) {
    await rest.json({ method: 'PATCH', path, query, contentType: 'application/merge-patch+json', body: { spec: { replicas } } });
    return;
  }
  const scale = await rest.json<Scale>({ path });
  const current = scale.spec?.replicas ?? 0;
  if (pre.replicas !== -1 && current !== pre.replicas) throw new CommandError(`Expected replicas to be ${pre.replicas}, was ${current}`);
  const version = scale.metadata?.resourceVersion ?? '';
  if (pre.resourceVersion && version !== pre.resourceVersion) throw new CommandError(`Expected resource version to be ${pre.resourceVersion}, was ${version}`);
  await rest.json({ method: 'PUT', path, query, body: { ...scale, spec: { ...scale.spec, replicas } } });
}

/** Scale: attempts until one is not a Conflict (every second, for five minutes), then the optional wait. */
async function scaleObject(rest: RestClient, path: string, name: string, replicas: number, pre: Precondition | undefined, dryRun: DryRun, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    try {
      await scaleOnce(rest, path, replicas, pre, dryRun);
      break;
    } catch (err) {
      if (!(err instanceof ServerError && err.httpStatus === 409) || Date.now() > deadline) throw err;
      await sleep(RETRY_MS);
    }
  }
  if (!timeoutMs || dryRun !== 'none') return;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const scale = await rest.json<Scale>({ path });
    // Someone else changed the size meanwhile: nothing to wait for.
    if (scale.spec?.replicas !== replicas || scale.status?.replicas === replicas) return;
    if (Date.now() + RETRY_MS > until) throw new CommandError(`timed out waiting for ${JSON.stringify(name)} to be synced`);
    await sleep(RETRY_MS);
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const { flags, io } = ctx;
  if (missingRequired(ctx, ['replicas'])) return 1;
  const dryRun = dryRunOf(flags, io.stderr);
  const printer = resultPrinter(flags, { dryRun, cwd: io.cwd });
  const replicas = flags.int('replicas', 0);
  const currentReplicas = flags.int('current-replicas', -1);
  if (replicas < 0) throw new CommandError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (currentReplicas < -1) throw new CommandError('The --current-replicas must specify an integer of -1 or greater');

  const session = await ctx.session();
  const selection = selectResources(session.rest, await session.discovery(), {
    args: ctx.args,
    namespace: session.config.namespace,
    selector: flags.string('selector'),
    all: flags.bool('all'),
  });
  // kubectl reads every object first (r.Infos()), then scales them.
  const { found, failures } = await readAll(selection);
  const failed = failures.length ? collected(failures) : undefined;
  const resourceVersion = flags.string('resource-version');
  if (resourceVersion && found.length > 1) throw new CommandError('cannot use --resource-version with multiple resources');
  if (!found.length) throw new CommandError(`no objects passed to scale${failed ? ` ${aggregateMessage(failures)}` : ''}`);
  const pre = currentReplicas !== -1 || resourceVersion ? { replicas: currentReplicas, resourceVersion } : undefined;
  for (const { info, namespace, name, object } of found) {
    if (dryRun !== 'client') {
      await scaleObject(session.rest, `${objectPath(info, namespace, name)}/scale`, name, replicas, pre, dryRun, flags.int('timeout', 0));
    }
    io.stdout.write(printer.print(object, 'scaled'));
  }
  if (failed) throw failed;
  return 0;
}

export const scale: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    ...writeFlags().filter((f) => f.name !== 'field-manager'),
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'resource-version', type: 'string' },
    { name: 'timeout', type: 'duration' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run,
};
