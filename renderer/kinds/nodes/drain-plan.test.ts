import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { drainPlan, podVerdict } from './drain-plan';

const pod = (name: string, extra: { owner?: string; mirror?: boolean; phase?: string; namespace?: string } = {}): Pod => ({
  metadata: {
    name,
    namespace: extra.namespace ?? 'default',
    ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'abc' } } : {}),
    ...(extra.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: extra.owner, name: 'x', uid: 'u', controller: true }] } : {}),
  },
  status: { phase: extra.phase ?? 'Running' },
});

describe('podVerdict (kubectl drain filters)', () => {
  it.each([
    ['a ReplicaSet pod is evicted', pod('a', { owner: 'ReplicaSet' }), { action: 'evict', unmanaged: false }],
    ['a DaemonSet pod is skipped', pod('b', { owner: 'DaemonSet' }), { action: 'skip', why: 'daemonset' }],
    ['a mirror pod is skipped', pod('c', { mirror: true }), { action: 'skip', why: 'mirror' }],
    ['a bare pod needs force', pod('d'), { action: 'evict', unmanaged: true }],
    ['a finished bare pod does not', pod('e', { phase: 'Succeeded' }), { action: 'evict', unmanaged: false }],
  ])('%s', (_name, p, verdict) => {
    expect(podVerdict(p)).toEqual(verdict);
  });
});

describe('drainPlan', () => {
  it('sorts by namespace and name and lists skipped and unmanaged pods', () => {
    const plan = drainPlan([pod('z', { owner: 'ReplicaSet' }), pod('bare'), pod('ds', { owner: 'DaemonSet' }), pod('a', { owner: 'StatefulSet', namespace: 'apps' })]);
    expect(plan.evict.map((p) => p.metadata?.name)).toEqual(['a', 'bare', 'z']);
    expect(plan.unmanaged.map((p) => p.metadata?.name)).toEqual(['bare']);
    expect(plan.skipped.map((s) => [s.pod.metadata?.name, s.why])).toEqual([['ds', 'daemonset']]);
  });
});
