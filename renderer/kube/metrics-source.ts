// Live usage of one pod or node for charts. metrics.k8s.io has no watch, so it is sampled at
// the cluster's metrics resolution (the API's window field; never faster), and a point is
// appended only when the API's timestamp moves. The embedded cluster also serves 15 minutes of
// history (metrics.wheelhouse.dev, found by discovery), read once so charts open full; other
// clusters' points are kept in memory while the view is open. A cluster without metrics.k8s.io
// is told so, never shown zeros.
import { getCurrentScope, onScopeDispose, shallowRef, triggerRef } from 'vue';
import { ApiError, getObject } from './api';
import { UsageSeries, type MetricsHistory, type MetricsSnapshot } from './usage-series';

export const NO_METRICS_API = 'This cluster serves no metrics API (metrics.k8s.io): install metrics-server to see usage.';
const METRICS = '/apis/metrics.k8s.io/v1beta1';
const HISTORY = '/apis/metrics.wheelhouse.dev/v1alpha1';
/** metrics-server's default resolution, until the API tells its own. */
const DEFAULT_WINDOW_MS = 15_000;

/** A pod (namespace and name) or a node (name only). */
export interface MetricsTarget {
  namespace?: string;
  name: string;
}

export type MetricsStatus =
  | { state: 'loading' }
  | { state: 'absent'; message: string }
  /** Served, but nothing yet for this object (a pod not running, or before its first scrape). */
  | { state: 'waiting'; message: string }
  | { state: 'ok' }
  | { state: 'error'; message: string };

const objectPath = (base: string, t: MetricsTarget) => (t.namespace ? `${base}/namespaces/${encodeURIComponent(t.namespace)}/pods/${encodeURIComponent(t.name)}` : `${base}/nodes/${encodeURIComponent(t.name)}`);

const notFound = (err: unknown) => err instanceof ApiError && err.code === 404;

/** Whether the cluster serves a group version (legacy discovery of it answers 404 or 503 otherwise). */
async function serves(groupVersion: string): Promise<boolean> {
  try {
    await getObject(groupVersion);
    return true;
  } catch (err) {
    if (err instanceof ApiError && (err.code === 404 || err.code === 503)) return false;
    throw err;
  }
}

export function useMetricsSource(target: MetricsTarget) {
  const usage = new UsageSeries();
  /** Triggered once per new point (the series are mutated in place). */
  const series = shallowRef(usage.series);
  const status = shallowRef<MetricsStatus>({ state: 'loading' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const what = target.namespace ? `pod ${target.name}` : `node ${target.name}`;

  async function begin(): Promise<void> {
    try {
      if (!(await serves(METRICS))) {
        status.value = { state: 'absent', message: NO_METRICS_API };
        return;
      }
      if (await serves(HISTORY)) {
        try {
          usage.loadHistory(await getObject<MetricsHistory>(objectPath(HISTORY, target)));
          triggerRef(series);
        } catch (err) {
          if (!notFound(err)) throw err;
        }
      }
    } catch (err) {
      status.value = { state: 'error', message: (err as Error).message };
    }
    if (!stopped) void sample();
  }

  async function sample(): Promise<void> {
    try {
      if (usage.add(await getObject<MetricsSnapshot>(objectPath(METRICS, target)))) triggerRef(series);
      status.value = { state: 'ok' };
    } catch (err) {
      if (notFound(err)) status.value = { state: 'waiting', message: `No metrics for ${what} yet: they appear once it runs, at the next scrape.` };
      else status.value = { state: 'error', message: (err as Error).message };
    }
    if (!stopped) timer = setTimeout(() => void sample(), usage.windowMs || DEFAULT_WINDOW_MS);
  }

  void begin();
  if (getCurrentScope())
    onScopeDispose(() => {
      stopped = true;
      clearTimeout(timer);
    });
  return { series, status };
}
