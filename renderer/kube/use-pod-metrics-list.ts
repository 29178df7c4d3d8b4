// Every pod's current usage (metrics.k8s.io PodMetrics, summed over containers), for the
// overview's top consumers. Sampled at the cluster's metrics resolution (the window field,
// 15 s until known), as the API has no watch; 'absent' when the cluster serves no metrics API.
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { ApiError, getObject } from './api';
import { NODE_METRICS } from './node-usage';
import { parseQuantity } from './quantity';
import { parseGoDuration, type MetricsSnapshot } from './usage-series';

export interface PodUsage {
  namespace: string;
  name: string;
  cpu: number;
  memory: number;
}

export type PodMetricsState = { state: 'loading' } | { state: 'absent' } | { state: 'error'; message: string } | { state: 'ok'; pods: PodUsage[] };

type PodMetricsList = { items: (MetricsSnapshot & { metadata: { namespace: string; name: string } })[] };

const DEFAULT_WINDOW_MS = 15_000;

export function podUsage(list: PodMetricsList): PodUsage[] {
  return list.items.map((m) => ({
    namespace: m.metadata.namespace,
    name: m.metadata.name,
    cpu: (m.containers ?? []).reduce((a, c) => a + parseQuantity(c.usage.cpu ?? '0'), 0),
    memory: (m.containers ?? []).reduce((a, c) => a + parseQuantity(c.usage.memory ?? '0'), 0),
  }));
}

/** The n largest by one resource, largest first (ties by namespace/name, so the order is stable). */
export function topBy(pods: PodUsage[], resource: 'cpu' | 'memory', n: number): PodUsage[] {
  return [...pods].sort((a, b) => b[resource] - a[resource] || `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`)).slice(0, n);
}

export function usePodMetricsList(namespace: Ref<string>) {
  const result = shallowRef<PodMetricsState>({ state: 'loading' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let round = 0;

  async function sample(mine: number): Promise<void> {
    let delay = DEFAULT_WINDOW_MS;
    const ns = namespace.value;
    try {
      const list = await getObject<PodMetricsList>(`/apis/metrics.k8s.io/v1beta1${ns ? `/namespaces/${encodeURIComponent(ns)}` : ''}/pods`);
      if (mine !== round) return;
      result.value = { state: 'ok', pods: podUsage(list) };
      // No pod metrics yet (none running): the nodes' window still tells the resolution.
      const window = list.items[0]?.window ?? (await getObject<PodMetricsList>(NODE_METRICS)).items[0]?.window;
      if (window) delay = parseGoDuration(window) || DEFAULT_WINDOW_MS;
    } catch (err) {
      if (mine !== round) return;
      result.value = err instanceof ApiError && (err.code === 404 || err.code === 503) ? { state: 'absent' } : { state: 'error', message: (err as Error).message };
    }
    if (!stopped) timer = setTimeout(() => void sample(mine), delay);
  }

  // A new namespace starts a new round; answers of the old one are dropped.
  watch(
    namespace,
    () => {
      clearTimeout(timer);
      void sample(++round);
    },
    { immediate: true },
  );
  if (getCurrentScope())
    onScopeDispose(() => {
      stopped = true;
      clearTimeout(timer);
    });
  return result;
}
