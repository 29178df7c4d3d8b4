// Every node's current usage from the metrics.k8s.io NodeMetrics list, for the overview's sums
// and the nodes list's bars. The API has no watch: it is sampled at the cluster's metrics
// resolution (the list's window field, 15 s until known), until stopped. A cluster without the
// API is told apart from a failing one, so views say so instead of showing zeros.
import { ApiError, getObject } from './api';
import { parseQuantity } from './quantity';
import { parseGoDuration, type MetricsSnapshot } from './usage-series';

export const NODE_METRICS = '/apis/metrics.k8s.io/v1beta1/nodes';
const DEFAULT_WINDOW_MS = 15_000;

export interface Usage {
  /** Cores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

export type NodeUsage = { state: 'ok'; nodes: Map<string, Usage> } | { state: 'absent' } | { state: 'error'; message: string };

type NodeMetricsList = { items?: (MetricsSnapshot & { metadata: { name: string } })[] };

/** Usage by node name (a resource the sample lacks counts 0). */
export function usageByNode(list: NodeMetricsList): Map<string, Usage> {
  const read = (usage: Record<string, string> | undefined, name: string) => (usage?.[name] ? parseQuantity(usage[name]) : 0);
  return new Map((list.items ?? []).map((m) => [m.metadata.name, { cpu: read(m.usage, 'cpu'), memory: read(m.usage, 'memory') }]));
}

/** Calls `onSample` with each sample, the first at once; returns stop. */
export function pollNodeUsage(onSample: (usage: NodeUsage) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function sample(): Promise<void> {
    let delay = DEFAULT_WINDOW_MS;
    let next: NodeUsage;
    try {
      const list = await getObject<NodeMetricsList>(NODE_METRICS);
      next = { state: 'ok', nodes: usageByNode(list) };
      const window = list.items?.[0]?.window;
      if (window) delay = parseGoDuration(window) || DEFAULT_WINDOW_MS;
    } catch (err) {
      next = err instanceof ApiError && (err.code === 404 || err.code === 503) ? { state: 'absent' } : { state: 'error', message: (err as Error).message };
    }
    if (stopped) return;
    onSample(next);
    timer = setTimeout(() => void sample(), delay);
  }

  void sample();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
