// Cluster CPU and memory in use, the sum of every node's sample (kube/node-usage.ts). A
// cluster without metrics.k8s.io says so instead of showing zeros.
import { getCurrentScope, onScopeDispose, ref } from 'vue';
import { pollNodeUsage } from './node-usage';

export type MetricsState = { state: 'loading' } | { state: 'absent'; reason: string } | { state: 'ok'; cpu: number; memory: number };

export function useNodeMetrics() {
  const metrics = ref<MetricsState>({ state: 'loading' });
  const stop = pollNodeUsage((usage) => {
    if (usage.state !== 'ok') {
      metrics.value = { state: 'absent', reason: usage.state === 'absent' ? 'this cluster serves no metrics.k8s.io API' : usage.message };
      return;
    }
    const nodes = [...usage.nodes.values()];
    metrics.value = { state: 'ok', cpu: nodes.reduce((a, n) => a + n.cpu, 0), memory: nodes.reduce((a, n) => a + n.memory, 0) };
  });
  if (getCurrentScope()) onScopeDispose(stop);
  return metrics;
}
