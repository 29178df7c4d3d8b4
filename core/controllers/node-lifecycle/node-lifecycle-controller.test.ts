import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeLifecycleController } from './node-lifecycle-controller';
import { TaintEvictionController } from './taint-eviction-controller';
import { GRACE_MS, Harness } from '../../../test/support/node-lifecycle-harness';

// Whole-cluster stories of the node lifecycle and taint eviction controllers together; their
// cases one by one are on fakes in node-lifecycle-sync.test.ts and taint-eviction-sync.test.ts.
const taintsOf = (h: Harness, node: string) => (h.node(node)?.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
const readyOf = (h: Harness, node: string) => h.node(node)?.status?.conditions?.find((c) => c.type === 'Ready');
const terminating = (h: Harness, pod: string) => !!h.pod('default', pod)?.metadata.deletionTimestamp;

describe('node lifecycle and taint eviction', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await h.start(
      (x) => new NodeLifecycleController(x.cluster.context),
      (x) => new TaintEvictionController(x.cluster.context),
    );
    for (const n of ['cp1', 'wrk1', 'wrk2']) await h.addNode(n);
  });
  afterEach(() => h.stop());

  it('a node goes silent: NotReady and tainted, its pods not Ready, then evicted when their default toleration runs out', async () => {
    await h.addPod('web', 'wrk1');
    await h.addPod('agent', 'wrk1', [{ operator: 'Exists' }]);
    expect(h.pod('default', 'web')?.spec?.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    await h.advance(GRACE_MS + 10_000, ['cp1', 'wrk2']);
    await h.waitFor(() => taintsOf(h, 'wrk1').length === 2, 'unreachable taints');
    expect(taintsOf(h, 'wrk1')).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(readyOf(h, 'wrk1')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    await h.waitFor(() => h.events('NodeNotReady').length === 3, 'NodeNotReady events');
    expect(h.events('NodeNotReady')).toEqual(
      expect.arrayContaining([
        { name: 'wrk1', message: 'Node wrk1 status is now: NodeNotReady', type: 'Normal', source: 'node-controller' },
        { name: 'web', message: 'Node is not ready', type: 'Warning', source: 'node-controller' },
      ]),
    );
    const tainted = Date.parse(h.node('wrk1')!.spec!.taints!.find((t) => t.effect === 'NoExecute')!.timeAdded!);

    // Evicted 300 s after the taint (the API server's default toleration); Terminating, as no kubelet is left to finish it.
    await h.advance(tainted + 299_000 - h.clock.now().getTime(), ['cp1', 'wrk2']);
    await h.settle();
    expect(terminating(h, 'web')).toBe(false);
    await h.advance(2_000, ['cp1', 'wrk2']);
    await h.waitFor(() => terminating(h, 'web'), 'web evicted');
    expect(h.events('TaintManagerEviction')).toEqual([
      { name: 'web', message: 'Marking for deletion Pod default/web', type: 'Normal', source: 'taint-eviction-controller' },
    ]);
    expect(terminating(h, 'agent')).toBe(false);
    expect(readyOf(h, 'wrk2')?.status).toBe('True');
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
});
