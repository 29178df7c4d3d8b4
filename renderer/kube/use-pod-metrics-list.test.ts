import { describe, expect, it } from 'vitest';
import { podUsage, topBy } from './use-pod-metrics-list';

const item = (namespace: string, name: string, ...containers: [string, string][]) => ({
  metadata: { namespace, name },
  timestamp: '2026-01-01T00:00:00Z',
  window: '15s',
  containers: containers.map(([cpu, memory], i) => ({ name: `c${i}`, usage: { cpu, memory } })),
});

describe('pod usage for top consumers', () => {
  const pods = podUsage({
    items: [item('a', 'web', ['250m', '100Mi'], ['50m', '20Mi']), item('a', 'db', ['1', '1Gi']), item('b', 'idle', ['1m', '5Mi']), item('b', 'cache', ['300m', '2Gi'])],
  });

  it('sums containers per pod', () => {
    expect(pods[0]).toEqual({ namespace: 'a', name: 'web', cpu: 0.3, memory: 120 * 2 ** 20 });
  });

  it('ranks by each resource, largest first, at most n', () => {
    expect(topBy(pods, 'cpu', 3).map((p) => p.name)).toEqual(['db', 'web', 'cache']);
    expect(topBy(pods, 'memory', 2).map((p) => p.name)).toEqual(['cache', 'db']);
  });

  it('breaks ties by namespace and name', () => {
    const tied = podUsage({ items: [item('b', 'x', ['1', '1Mi']), item('a', 'y', ['1', '1Mi'])] });
    expect(topBy(tied, 'cpu', 5).map((p) => p.namespace)).toEqual(['a', 'b']);
  });
});
