// Live usage of one pod or node for charts. metrics.k8s.io has no watch, so it is sampled at
// the cluster's metrics resolution (the API's window field; never faster), and a point is
// appended only when the API's timestamp moves. The embedded cluster also serves 15 minutes of
// history (metrics.wheelhouse.dev, found by discovery), read once so charts open full; other
// clusters' points are kept in memory while the view is open. A cluster without metrics.k8s.io
// is told so, never shown zeros.
import { getCurrentScope, onScopeDispose, shallowRef, triggerRef, watch } from 'vue';
import { ApiError, getObject } from './api';
import { UsageSeries, type MetricsHistory, type MetricsSnapshot } from './usage-series';

export const NO_METRICS_API = 'This cluster serves no metrics API (metrics.k8s.io): install metrics-server to see usage.';
const METRICS = '/apis/metrics.k8s.io/v1beta1';
const HISTORY = '/apis/metrics.wheelhouse.dev/v1alpha1';
/** metrics-server's default resolution, until the API tells its own. */
const DEFAULT_WINDOW_MS = 15_000;
/** How soon to ask again for an object not scraped yet (a new pod) while the window is still
 *  unknown: waiting a default window would leave its chart empty well past its first scrape. */
const FIRST_SAMPLE_RETRY_MS = 2_000;

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

/** Follows the target the getter returns: a new pod or node starts a new series. */
export function useMetricsSource(target: () => MetricsTarget) {
  let usage = new UsageSeries();
  /** Triggered once per new point (the series are mutated in place). */
  const series = shallowRef(usage.series);
  const status = shallowRef<MetricsStatus>({ state: 'loading' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per target (and on dispose): answers for an older one are dropped. */
  let round = 0;

  async function begin(t: MetricsTarget, mine: number): Promise<void> {
    try {
      if (!(await serves(METRICS))) {
        if (mine === round) status.value = { state: 'absent', message: NO_METRICS_API };
        return;
      }
      if (await serves(HISTORY)) {
        try {
          const history = await getObject<MetricsHistory>(objectPath(HISTORY, t));
          if (mine !== round) return;
          usage.loadHistory(history);
          triggerRef(series);
        } catch (err) {
          if (!notFound(err)) throw err;
        }
      }
    } catch (err) {
      if (mine === round) status.value = { state: 'error', message: (err as Error).message };
    }
    if (mine === round) void sample(t, mine);
  }

  async function sample(t: MetricsTarget, mine: number): Promise<void> {
    const what = t.namespace ? `pod ${t.name}` : `node ${t.name}`;
    let next: MetricsStatus = { state: 'ok' };
    try {
      const snapshot = await getObject<MetricsSnapshot>(objectPath(METRICS, t));
      if (mine === round && usage.add(snapshot)) triggerRef(series);
    } catch (err) {
      next = notFound(err) ? { state: 'waiting', message: `No metrics for ${what} yet: they appear once it runs, at the next scrape.` } : { state: 'error', message: (err as Error).message };
    }
    if (mine !== round) return;
    status.value = next;
    const unknownWindow = next.state === 'waiting' ? FIRST_SAMPLE_RETRY_MS : DEFAULT_WINDOW_MS;
    timer = setTimeout(() => void sample(t, mine), usage.windowMs || unknownWindow);
  }

  watch(
    () => { const t = target(); return `${t.namespace ?? ''}/${t.name}`; },
    () => {
      clearTimeout(timer);
      usage = new UsageSeries();
      series.value = usage.series;
      status.value = { state: 'loading' };
      void begin(target(), ++round);
    },
    { immediate: true },
  );
  if (getCurrentScope())
    onScopeDispose(() => {
      round++;
      clearTimeout(timer);
    });
  return { series, status };
}
