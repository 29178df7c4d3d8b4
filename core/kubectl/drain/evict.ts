// How `kubectl drain` removes a node's pods (kubectl's drain.Helper): an Eviction per pod, all
// at once, retried every 5 s while a PodDisruptionBudget refuses it (429), or plain deletes with
// --disable-eviction or where the server has no pods/eviction; then a poll every second until
// each pod is gone (or replaced by one of the same name), within the global --timeout.
import type { Pod } from 'kubernetes-types/core/v1';
import { formatGoDuration } from '../../registry/protobuf/go-format';
import { ServerError, type RestClient } from '../rest';
import type { DryRun } from '../write';

export interface EvictOptions {
  /** Seconds; negative: each pod's own. */
  gracePeriodSeconds: number;
  /** Milliseconds; 0: no limit. */
  timeoutMs: number;
  dryRun: DryRun;
  disableEviction: boolean;
  skipWaitForDeleteTimeoutSeconds: number;
  out: NodeJS.WritableStream;
  errOut: NodeJS.WritableStream;
  /** What kubectl prints when a pod is gone ("pod/x evicted") or could not be checked. */
  onFinished(pod: Pod, usingEviction: boolean, err?: unknown): void;
}

const podPath = (pod: Pod) => `/api/v1/namespaces/${encodeURIComponent(pod.metadata!.namespace!)}/pods/${encodeURIComponent(pod.metadata!.name!)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const goDuration = (ms: number) => formatGoDuration(BigInt(Math.round(ms)) * 1_000_000n);
/** Go's time.Duration(math.MaxInt64), the global timeout when none is given. */
const NO_TIMEOUT = '2562047h47m16.854775807s';

function deleteOptions(opts: EvictOptions): Record<string, unknown> {
  return {
    ...(opts.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}),
    ...(opts.dryRun === 'server' ? { dryRun: ['All'] } : {}),
  };
}

/** CheckEvictionSupport: the group-version of pods/eviction in the core API's discovery, if any. */
async function evictionSupported(rest: RestClient): Promise<boolean> {
  const list = await rest.json<{ resources: { name: string; kind: string; group?: string; version?: string }[] }>({ path: '/api/v1' });
  return list.resources.some((r) => r.name === 'pods/eviction' && r.kind === 'Eviction' && r.group && r.version);
}

/** Polls until the pods are gone; the pods still there when the deadline passed. */
async function waitForDelete(rest: RestClient, pods: Pod[], usingEviction: boolean, deadline: number, opts: EvictOptions): Promise<void> {
  let pending = pods;
  for (;;) {
    const still: Pod[] = [];
    for (const pod of pending) {
      let current: Pod | undefined;
      try {
        current = await rest.json<Pod>({ path: podPath(pod) });
      } catch (err) {
        if (!(err instanceof ServerError && err.httpStatus === 404)) {
          opts.onFinished(pod, usingEviction, err);
          throw err;
        }
      }
      if (!current || current.metadata?.uid !== pod.metadata?.uid) {
        opts.onFinished(pod, usingEviction);
        continue;
      }
      const deletedAt = current.metadata?.deletionTimestamp;
      if (opts.skipWaitForDeleteTimeoutSeconds > 0 && deletedAt && Math.floor((Date.now() - Date.parse(deletedAt)) / 1000) > opts.skipWaitForDeleteTimeoutSeconds) {
        opts.out.write(`pod "${pod.metadata?.name}" has DeletionTimestamp older than ${opts.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
        continue;
      }
      still.push(pod);
    }
    pending = still;
    if (!pending.length) return;
    if (Date.now() + 1000 > deadline) throw new Error('context deadline exceeded');
    await sleep(1000);
  }
}

async function evictOne(rest: RestClient, pod: Pod, deadline: number, opts: EvictOptions): Promise<void> {
  const { name, namespace } = pod.metadata as { name: string; namespace: string };
  for (;;) {
    opts.out.write(`evicting pod ${namespace}/${name}${opts.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (Date.now() >= deadline) throw new Error(`error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${opts.timeoutMs ? goDuration(opts.timeoutMs) : NO_TIMEOUT}`);
    try {
      await rest.json({
        method: 'POST',
        path: `${podPath(pod)}/eviction`,
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions: deleteOptions(opts) },
      });
      break;
    } catch (err) {
      if (!(err instanceof ServerError)) throw err;
      if (err.httpStatus === 404) return;
      if (err.httpStatus !== 429) throw new Error(`error when evicting pods/"${name}" -n "${namespace}": ${err.message}`);
      opts.errOut.write(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${err.message}\n`);
      await sleep(5000);
    }
  }
  if (opts.dryRun === 'server') return;
  try {
    await waitForDelete(rest, [pod], true, deadline, opts);
  } catch (err) {
    throw new Error(`error when waiting for pod "${name}" in namespace "${namespace}" to terminate: ${(err as Error).message}`);
  }
}

/** DeleteOrEvictPods: resolves when every pod is gone; rejects with an AggregateError of what failed. */
export async function deleteOrEvictPods(rest: RestClient, pods: Pod[], opts: EvictOptions): Promise<void> {
  if (!pods.length) return;
  const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Number.POSITIVE_INFINITY;
  if (!opts.disableEviction && (await evictionSupported(rest))) {
    const results = await Promise.allSettled(pods.map((pod) => evictOne(rest, pod, deadline, opts)));
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (errors.length) throw new AggregateError(errors);
    return;
  }
  for (const pod of pods) {
    try {
      await rest.json({ method: 'DELETE', path: podPath(pod), body: deleteOptions(opts) });
    } catch (err) {
      if (!(err instanceof ServerError && err.httpStatus === 404)) throw err;
    }
  }
  await waitForDelete(rest, pods, false, deadline, opts);
}
