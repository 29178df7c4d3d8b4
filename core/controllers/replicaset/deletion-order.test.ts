import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podsToDelete } from './deletion-order';

const now = new Date('2026-01-01T12:00:00Z');
function pod(name: string, o: { node?: string; phase?: string; ready?: boolean; readySince?: string; created?: string; restarts?: number; cost?: number } = {}): Pod {
  return {
    metadata: { name, uid: name, creationTimestamp: o.created ?? '2026-01-01T10:00:00Z', ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } } : {}) },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: o.readySince ?? '2026-01-01T10:00:00Z' }],
      containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: o.restarts ?? 0 }],
    },
  };
}

describe('which pods a ReplicaSet deletes first', () => {
  it.each([
    { name: 'unscheduled before scheduled', pods: [pod('a', { node: 'n1' }), pod('b')], expected: 'b' },
    { name: 'pending before running', pods: [pod('a', { node: 'n1' }), pod('b', { node: 'n1', phase: 'Pending' })], expected: 'b' },
    { name: 'not ready before ready', pods: [pod('a', { node: 'n1' }), pod('b', { node: 'n1', ready: false })], expected: 'b' },
    { name: 'lower deletion cost first', pods: [pod('a', { node: 'n1', cost: 5 }), pod('b', { node: 'n1', cost: -1 })], expected: 'b' },
    { name: 'doubled-up node first', pods: [pod('a', { node: 'n1' }), pod('b', { node: 'n2' }), pod('c', { node: 'n2' })], expected: 'b' },
    { name: 'ready more recently first', pods: [pod('a', { node: 'n1', readySince: '2026-01-01T01:00:00Z' }), pod('b', { node: 'n1', readySince: '2026-01-01T11:59:00Z' })], expected: 'b' },
    { name: 'more restarts first', pods: [pod('a', { node: 'n1' }), pod('b', { node: 'n1', restarts: 3 })], expected: 'b' },
    { name: 'newer first', pods: [pod('a', { node: 'n1', created: '2026-01-01T01:00:00Z' }), pod('b', { node: 'n1', created: '2026-01-01T11:59:00Z' })], expected: 'b' },
  ])('$name', ({ pods, expected }) => {
    const related = pods;
    expect(podsToDelete(pods, related, 1, now).map((p) => p.metadata?.name)).toEqual([expected]);
  });

  it('returns everything when asked for as many as there are', () => {
    const all = [pod('a'), pod('b')];
    expect(podsToDelete(all, [], 2, now)).toEqual(all);
  });
});
