// Cluster CPU and memory in use, from metrics.k8s.io (metrics-server, or the embedded
// cluster's own). The API has no watch: it is sampled every 15 s, metrics-server's default
// resolution. A cluster without it says so instead of showing zeros.
import { getCurrentScope, onScopeDispose, ref } from 'vue';
import { ApiError, kubeRequest } from './api';
import { parseQuantity } from './quantity';

const NODE_METRICS = '/apis/metrics.k8s.io/v1beta1/nodes';
const RESOLUTION_MS = 15_000;

interface NodeMetricsList {
  items?: { usage?: Record<string, string> }[];
}

export type MetricsState = { state: 'loading' } | { state: 'absent'; reason: string } | { state: 'ok'; cpu: number; memory: number };

export function useNodeMetrics() {
  const metrics = ref<MetricsState>({ state: 'loading' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function sample(): Promise<void> {
    try {
      const list = await kubeRequest<NodeMetricsList>({ method: 'GET', path: NODE_METRICS });
      const sum = (name: string) => (list.items ?? []).reduce((a, n) => a + (n.usage?.[name] ? parseQuantity(n.usage[name]) : 0), 0);
      metrics.value = { state: 'ok', cpu: sum('cpu'), memory: sum('memory') };
    } catch (err) {
      const missing = err instanceof ApiError && (err.code === 404 || err.code === 503);
      metrics.value = { state: 'absent', reason: missing ? 'this cluster serves no metrics.k8s.io API' : (err as Error).message };
    }
    if (!stopped) timer = setTimeout(() => void sample(), RESOLUTION_MS);
  }

  void sample();
  if (getCurrentScope())
    onScopeDispose(() => {
      stopped = true;
      clearTimeout(timer);
    });
  return metrics;
}
