// kubectl logs (POD | TYPE/NAME) [CONTAINER], or -l SELECTOR: the pods/log subresource with
// kubectl's options (-c, --all-containers, -p, --tail, --since, --since-time, --timestamps,
// --limit-bytes, -f), lines prefixed with [pod/NAME/CONTAINER] on --prefix, and with -f several
// streams at once (at most --max-log-requests).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Command, CommandContext } from '../command';
import { CommandError, UsageError } from '../command';
import type { Selecting } from '../attachable-pod';
import type { FlagSpec } from '../flags';
import { logRequests, type LogRequest } from '../logs/log-requests';
import { fetchObjects, isFailure } from '../resource-objects';
import { ServerError, type RestClient } from '../rest';
import { podRunningTimeout, POD_RUNNING_TIMEOUT } from '../stream/pod-args';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** kubectl shows the last 10 lines of each pod chosen by a selector, unless --tail says otherwise. */
const SELECTOR_TAIL = 10;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

type Query = Record<string, string | number | boolean | undefined>;

/** ToLogOptions and Validate: the log request's query, or kubectl's complaint. */
function logQuery(ctx: CommandContext, container: string, hasSelector: boolean): Query {
  const { flags } = ctx;
  const sinceTime = flags.string('since-time');
  if (sinceTime && !RFC3339.test(sinceTime)) throw new CommandError(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
  const sinceMs = flags.int('since', 0);
  const tail = flags.int('tail', -1);
  const limitBytes = flags.int('limit-bytes', 0);
  if (sinceTime && sinceMs) throw new CommandError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (flags.bool('all-containers') && container) throw new CommandError(`--all-containers=true should not be specified with container name ${container}`);
  if (flags.has('container') && ctx.args.length === 2) throw new CommandError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (limitBytes < 0) throw new CommandError('--limit-bytes must be greater than 0');
  const sinceSeconds = sinceMs ? Math.round(sinceMs / 1000) : undefined;
  if (sinceSeconds !== undefined && sinceSeconds < 0) throw new CommandError('--since must be greater than 0');
  if (tail < -1) throw new CommandError('--tail must be greater than or equal to -1');
  const tailLines = hasSelector && tail === -1 && !flags.has('tail') ? SELECTOR_TAIL : tail !== -1 ? tail : undefined;
  return {
    follow: flags.bool('follow') || undefined,
    previous: flags.bool('previous') || undefined,
    timestamps: flags.bool('timestamps') || undefined,
    sinceSeconds,
    sinceTime: sinceTime || undefined,
    tailLines,
    limitBytes: limitBytes || undefined,
  };
}

/** Writes one log, line by line (each line one write, as DefaultConsumeRequest reads them), prefixed if asked. */
async function consume(rest: RestClient, req: LogRequest, query: Query, prefix: boolean, out: NodeJS.WritableStream): Promise<void> {
  const { name, namespace } = req.pod.metadata as { name: string; namespace: string };
  const res = await rest.stream({ path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`, query: { ...query, container: req.container } });
  const tag = prefix ? Buffer.from(`[pod/${name}/${req.container}] `) : undefined;
  let pending = Buffer.alloc(0);
  const emit = (line: Buffer) => out.write(tag ? Buffer.concat([tag, line]) : line);
  for await (const chunk of res) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    let nl: number;
    while ((nl = pending.indexOf(10)) >= 0) {
      emit(pending.subarray(0, nl + 1));
      pending = pending.subarray(nl + 1);
    }
  }
  if (pending.length) emit(pending);
}

/** --pod-running-timeout (20s for logs), whose zero logs reports as a plain error. */
function timeoutOf(ctx: CommandContext): number {
  try {
    return podRunningTimeout(ctx, '20s');
  } catch (err) {
    throw err instanceof UsageError ? new CommandError(err.message) : err;
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  const selector = flags.string('selector');
  if (args.length === 0 && !selector) throw new UsageError(USAGE);
  if (args.length === 1 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw new UsageError(USAGE);
  const container = args[1] ?? flags.string('container');
  const prefix = flags.bool('prefix') || flags.bool('all-pods');
  const timeout = timeoutOf(ctx);
  const query = logQuery(ctx, container, Boolean(selector));
  const session = await ctx.session();
  const namespace = session.config.namespace;
  let target: { pods: Pod[] } | Selecting;
  if (selector) {
    const pods = (await fetchObjects(session, ['pods'], selector)).filter((v) => !isFailure(v)).map((v) => (v as { object: Pod }).object);
    if (!pods.length) io.stderr.write(`No resources found in ${namespace} namespace.\n`);
    target = { pods };
  } else {
    const [found] = await fetchObjects(session, [args[0]!.includes('/') ? args[0]! : `pods/${args[0]}`], '');
    if (!found) throw new CommandError('expected a resource');
    if (isFailure(found)) {
      const err = found.error;
      if (err instanceof ServerError && err.httpStatus === 404) throw new CommandError(`error from server (NotFound): ${err.message} in namespace "${namespace}"`);
      throw err;
    }
    target = found.object as Selecting;
  }
  const requests = await logRequests(session.rest, target, container, flags.bool('all-containers'), flags.bool('all-pods'), timeout, io.stderr);
  const follow = flags.bool('follow');
  const maxRequests = flags.int('max-log-requests', 5);
  if (follow && requests.length > 1) {
    if (requests.length > maxRequests)
      throw new CommandError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
    await Promise.all(requests.map((r) => consume(session.rest, r, query, prefix, io.stdout)));
    return 0;
  }
  for (const r of requests) {
    try {
      await consume(session.rest, r, query, prefix, io.stdout);
    } catch (err) {
      if (!flags.bool('ignore-errors')) throw err;
      io.stdout.write(`error: ${(err as Error).message}\n`);
    }
  }
  return 0;
}

const FLAGS: FlagSpec[] = [
  { ...POD_RUNNING_TIMEOUT },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'all-pods', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'since', type: 'duration' },
  { name: 'since-time', type: 'string' },
  { name: 'max-log-requests', type: 'int' },
];

export const logs: Command = { name: 'logs', short: 'Print the logs for a container in a pod', flags: FLAGS, run };
