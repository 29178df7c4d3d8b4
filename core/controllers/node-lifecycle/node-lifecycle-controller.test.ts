import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeLifecycleController } from './node-lifecycle-controller';
import { GRACE_MS, Harness } from '../../../test/support/node-lifecycle-harness';

const taintsOf = (h: Harness, node: string) => (h.node(node)?.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
const readyOf = (h: Harness, node: string) => h.node(node)?.status?.conditions?.find((c) => c.type === 'Ready');

describe('NodeLifecycleController', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.start((x) => new NodeLifecycleController(x.cluster.context));
    for (const n of ['cp1', 'wrk1', 'wrk2']) await h.addNode(n);
  });
  afterEach(() => h.stop());

  it('keeps a node Ready while its Lease is renewed, and posts Unknown a grace period after the last renewal', async () => {
    await h.addPod('web', 'wrk1');
    await h.advance(3 * GRACE_MS, ['cp1', 'wrk1', 'wrk2']);
    expect(readyOf(h, 'wrk1')?.status).toBe('True');
    const lastRenewal = h.clock.now().getTime();
    await h.renewLease('wrk1');
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk2']);

    const ready = await h.waitFor(() => readyOf(h, 'wrk1')?.status === 'Unknown' && readyOf(h, 'wrk1'), 'wrk1 Unknown');
    expect(ready).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    // The deadline timer fired at the end of the grace period, not at some later poll.
    expect(Date.parse(ready.lastTransitionTime!) - lastRenewal).toBeLessThanOrEqual(GRACE_MS + 1_000);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(h.node('wrk1')?.status?.conditions?.find((c) => c.type === type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusNeverUpdated' });
    }
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 2, 'unreachable taints');
    expect(taintsOf(h, 'wrk1')).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(h.node('wrk1')?.spec?.taints?.every((t) => !!t.timeAdded)).toBe(true);
    await h.waitFor(() => h.pod('default', 'web')?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'False', 'pod not Ready');
    await h.waitFor(() => h.events('NodeNotReady').length === 2, 'NodeNotReady events');
    expect(h.events('NodeNotReady')).toEqual(
      expect.arrayContaining([
        { name: 'wrk1', message: 'Node wrk1 status is now: NodeNotReady', type: 'Normal', source: 'node-controller' },
        { name: 'web', message: 'Node is not ready', type: 'Warning', source: 'node-controller' },
      ]),
    );
    expect(readyOf(h, 'wrk2')?.status).toBe('True');
    expect(taintsOf(h, 'wrk2')).toEqual([]);
  });

  it('removes the taints when the kubelet posts Ready again', async () => {
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk2']);
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 2, 'unreachable taints');
    await h.renewLease('wrk1');
    await h.postReady('wrk1', 'True');
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 0, 'taints removed');
    expect(readyOf(h, 'wrk1')?.status).toBe('True');
  });

  it('taints a node whose kubelet reports Ready=False as not-ready', async () => {
    await h.postReady('wrk2', 'False');
    await h.waitFor(() => taintsOf(h, 'wrk2').length === 2, 'not-ready taints');
    expect(taintsOf(h, 'wrk2')).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
  });

  it.each([
    { name: 'cordon', unschedulable: true, expected: ['node.kubernetes.io/unschedulable:NoSchedule'] },
    { name: 'uncordon', unschedulable: false, expected: [] },
  ])('$name: keeps the unschedulable taint in step with spec.unschedulable', async ({ unschedulable, expected }) => {
    await h.client.update('', 'nodes', undefined, 'wrk1', (n: { spec?: object }) => void (n.spec = { ...n.spec, unschedulable: true }));
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 1, 'cordon taint');
    await h.client.update('', 'nodes', undefined, 'wrk1', (n: { spec?: object }) => void (n.spec = { ...n.spec, unschedulable }));
    await h.waitFor(() => taintsOf(h, 'wrk1').length === expected.length, 'taints in step');
    expect(taintsOf(h, 'wrk1')).toEqual(expected);
  });

  it('leaves foreign taints alone', async () => {
    await h.client.update('', 'nodes', undefined, 'wrk1', (n: { spec?: object }) => void (n.spec = { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk2']);
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 3, 'unreachable taints');
    expect(taintsOf(h, 'wrk1')).toContain('node-role.kubernetes.io/control-plane:NoSchedule');
  });

  it('stops evicting when every node is down (the fault is more likely here than in all nodes), and resumes after', async () => {
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk2']);
    await h.waitFor(() => taintsOf(h, 'wrk1').includes('node.kubernetes.io/unreachable:NoExecute'), 'wrk1 tainted');
    await h.advance(GRACE_MS + 10_000, []);
    await h.waitFor(
      () => ['cp1', 'wrk1', 'wrk2'].every((n) => taintsOf(h, n).join() === 'node.kubernetes.io/unreachable:NoSchedule'),
      'only NoSchedule taints while all nodes are down',
    );
    await h.settle();
    expect(['cp1', 'wrk1', 'wrk2'].map((n) => taintsOf(h, n))).toEqual([0, 1, 2].map(() => ['node.kubernetes.io/unreachable:NoSchedule']));

    // cp1 comes back: the nodes still down are tainted again.
    const back = h.clock.now().getTime();
    await h.renewLease('cp1');
    await h.postReady('cp1', 'True');
    await h.waitFor(() => taintsOf(h, 'cp1').length === 0, 'cp1 untainted');
    for (const n of ['wrk1', 'wrk2']) {
      const t = await h.waitFor(() => h.node(n)?.spec?.taints?.find((x) => x.effect === 'NoExecute'), `${n} tainted again`);
      expect(Date.parse(t.timeAdded!)).toBeGreaterThanOrEqual(back);
    }
  });

  it('gives a node that never posted Ready the longer startup grace period', async () => {
    await h.client.create('', 'nodes', undefined, { metadata: { name: 'fresh' } });
    const created = h.node('fresh')?.metadata.creationTimestamp;
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk1', 'wrk2']);
    expect(readyOf(h, 'fresh')).toBeUndefined();
    await h.advance(GRACE_MS, ['cp1', 'wrk1', 'wrk2']);
    const ready = await h.waitFor(() => readyOf(h, 'fresh'), 'fresh Unknown');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created });
  });
});
