import { describe, expect, it } from 'vitest';
import { nodeMetricsTable, podMetricsTable, type PodMetrics } from './metrics-printer';

const pod = (name: string, ns: string, ...containers: [string, string, string][]): PodMetrics => ({
  metadata: { name, namespace: ns },
  containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })),
});

describe('kubectl top tables', () => {
  it('shows nodes against their allocatable, and <unknown> for nodes without metrics', () => {
    const text = nodeMetricsTable([{ metadata: { name: 'b' }, usage: { cpu: '250000000n', memory: '1048576Ki' } }], new Map<string, Record<string, string>>([['b', { cpu: '2', memory: '4Gi' }], ['c', {}]]), false, '');
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual(['NAME   CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)', 'b      250m         12%         1024Mi          25%', 'c      <unknown>    <unknown>   <unknown>       <unknown>', '']);
  });

  it('sorts pods by the largest usage first and sums under the usage columns', () => {
    const text = podMetricsTable([pod('a', 'x', ['c', '10m', '30Mi']), pod('b', 'x', ['c', '30m', '10Mi'], ['d', '5m', '1Mi'])], { containers: false, withNamespace: false, noHeaders: true, sortBy: 'cpu', sum: true });
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual(['b     35m        11Mi', 'a     10m        30Mi', '      ________   ________', '      45m        41Mi', '']);
  });
});
