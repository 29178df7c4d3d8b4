import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { ownedNoScheduleTaints, unknownConditions, wantedNoScheduleTaints, zoneKey, zoneState } from './node-health';

const node = (conditions: Array<[string, string]>, spec: Node['spec'] = {}): Node => ({
  metadata: { name: 'n', creationTimestamp: 'C' },
  spec,
  status: { conditions: conditions.map(([type, status]) => ({ type, status, reason: 'R', lastHeartbeatTime: 'H', lastTransitionTime: 'L' })) },
});

describe('wantedNoScheduleTaints', () => {
  it.each([
    { name: 'Ready', conditions: [['Ready', 'True']], spec: {}, expected: [] },
    { name: 'Ready False', conditions: [['Ready', 'False']], spec: {}, expected: ['node.kubernetes.io/not-ready'] },
    { name: 'Ready Unknown', conditions: [['Ready', 'Unknown']], spec: {}, expected: ['node.kubernetes.io/unreachable'] },
    { name: 'pressures', conditions: [['Ready', 'True'], ['MemoryPressure', 'True'], ['DiskPressure', 'True'], ['PIDPressure', 'True'], ['NetworkUnavailable', 'True']], spec: {}, expected: ['node.kubernetes.io/memory-pressure', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable'] },
    { name: 'cordoned', conditions: [['Ready', 'True']], spec: { unschedulable: true }, expected: ['node.kubernetes.io/unschedulable'] },
    { name: 'unknown condition types and statuses', conditions: [['Ready', 'True'], ['constructor', 'name'], ['Ready', 'toString']], spec: {}, expected: [] },
  ] as Array<{ name: string; conditions: Array<[string, string]>; spec: Node['spec']; expected: string[] }>)('$name', ({ conditions, spec, expected }) => {
    const taints = wantedNoScheduleTaints(node(conditions, spec));
    expect(taints.map((t) => t.key).sort()).toEqual([...expected].sort());
    expect(taints.every((t) => t.effect === 'NoSchedule')).toBe(true);
  });

  it('owns only the condition and unschedulable NoSchedule taints', () => {
    const n = node([], {
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      ],
    });
    expect(ownedNoScheduleTaints(n).map((t) => t.key)).toEqual(['node.kubernetes.io/unreachable', 'node.kubernetes.io/unschedulable']);
  });
});

describe('unknownConditions', () => {
  it('turns the kubelet conditions Unknown, keeps heartbeats, fills missing ones, leaves NetworkUnavailable', () => {
    const c = unknownConditions(node([['Ready', 'True'], ['MemoryPressure', 'False'], ['NetworkUnavailable', 'False']]), 'NOW')!;
    expect(c.find((x) => x.type === 'Ready')).toEqual({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: 'H', lastTransitionTime: 'NOW' });
    expect(c.find((x) => x.type === 'DiskPressure')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusNeverUpdated', lastHeartbeatTime: 'C' });
    expect(c.find((x) => x.type === 'NetworkUnavailable')?.status).toBe('False');
  });

  it('reports no change when everything already says Unknown', () => {
    expect(unknownConditions(node([['Ready', 'Unknown'], ['MemoryPressure', 'Unknown'], ['DiskPressure', 'Unknown'], ['PIDPressure', 'Unknown']]), 'NOW')).toBeUndefined();
  });
});

describe('zones', () => {
  it.each([
    { name: 'all Ready', statuses: ['True', 'True'], expected: 'Normal' },
    { name: 'one of three down', statuses: ['True', 'True', 'Unknown'], expected: 'Normal' },
    { name: 'none Ready', statuses: ['Unknown', 'False'], expected: 'FullDisruption' },
    { name: 'three of five down', statuses: ['True', 'True', 'False', 'Unknown', undefined], expected: 'PartialDisruption' },
    { name: 'two of three down is not partial (needs more than 2)', statuses: ['True', 'False', 'False'], expected: 'Normal' },
  ] as Array<{ name: string; statuses: Array<string | undefined>; expected: string }>)('$name', ({ statuses, expected }) => {
    expect(zoneState(statuses)).toBe(expected);
  });

  it('keys zones by region and zone labels', () => {
    expect(zoneKey({ metadata: {} })).toBe('');
    expect(zoneKey({ metadata: { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' } } })).toBe('r:\u0000:z');
  });
});
