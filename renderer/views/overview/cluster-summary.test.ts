import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { allocatable, nodesReady, podRequest, podsByPhase, requested } from './cluster-summary';

const node = (ready: string, cpu = '4', memory = '8Gi'): Node => ({
  status: { conditions: [{ type: 'Ready', status: ready }], allocatable: { cpu, memory } },
});

const pod = (phase: string, requests: Record<string, string>, extra: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  spec: { nodeName: 'wrk1', containers: [{ name: 'a', resources: { requests } }], ...extra },
  status: { phase },
});

describe('cluster summary', () => {
  it('counts Ready nodes', () => {
    expect(nodesReady([node('True'), node('False'), node('Unknown'), node('True')])).toEqual({ ready: 2, total: 4 });
  });

  it('counts pods by phase, an unset phase as Pending', () => {
    expect(podsByPhase([pod('Running', {}), pod('Running', {}), pod('Failed', {}), { spec: { containers: [] } }])).toEqual({
      Running: 2,
      Pending: 1,
      Succeeded: 0,
      Failed: 1,
      Unknown: 0,
    });
  });

  it('counts the pods of one namespace, reading any iterable (the watch cache in place)', () => {
    const inNs = (namespace: string, phase: string): Pod => ({ ...pod(phase, {}), metadata: { namespace } });
    const cache = new Map([
      ['a/1', inNs('a', 'Running')],
      ['b/1', inNs('b', 'Running')],
      ['a/2', inNs('a', 'Failed')],
    ]);
    expect(podsByPhase(cache.values(), 'a')).toMatchObject({ Running: 1, Failed: 1 });
    expect(podsByPhase(cache.values())).toMatchObject({ Running: 2, Failed: 1 });
  });

  it('takes the larger of the containers and the init containers, plus overhead and sidecars', () => {
    const p = pod('Running', { cpu: '100m', memory: '64Mi' }, {
      initContainers: [
        { name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } },
        { name: 'migrate', resources: { requests: { cpu: '1' } } },
      ],
      overhead: { cpu: '10m' },
    });
    expect(podRequest(p, 'cpu')).toBeCloseTo(1.06);
    expect(podRequest(p, 'memory')).toBe(64 * 2 ** 20);
  });

  it('sums requests of bound, unfinished pods against allocatable', () => {
    const pods = [pod('Running', { cpu: '500m' }), pod('Succeeded', { cpu: '2' }), { ...pod('Pending', { cpu: '1' }), spec: { containers: [] } }];
    expect(requested(pods).cpu).toBeCloseTo(0.5);
    expect(allocatable([node('True'), node('True', '2', '1Gi')])).toEqual({ cpu: 6, memory: 9 * 2 ** 30 });
  });
});
