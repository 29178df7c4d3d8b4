import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { bind, createNode, makeReady, removePod } from '../../../test/support/workload-fixture';
import { DaemonSetController } from './daemonset-controller';
import { targetNode } from './daemon-pod';

const NS = 'kube-system';

function agent(extra: Partial<DaemonSet['spec']> = {}): DaemonSet {
  return {
    metadata: { name: 'agent', namespace: NS },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } },
      ...extra,
    } as DaemonSet['spec'],
  };
}

let t: TestCluster;
let controller: DaemonSetController;

beforeEach(async () => {
  t = await startTestCluster();
  await createNode(t, 'cp1', { controlPlane: true });
  await createNode(t, 'wrk1');
  await createNode(t, 'wrk2');
  controller = new DaemonSetController(t.cluster.context);
  controller.start();
});

afterEach(async () => {
  controller.stop();
  await t.stop();
});

const live = () => t.pods(NS).filter((p) => !p.metadata.deletionTimestamp);
const nodesWithPods = () => live().map((p) => targetNode(p)).sort();
const ds = () => t.cluster.registry.storeFor('apps', 'daemonsets')!.find(NS, 'agent')!.object as Kube<DaemonSet>;
const revisions = () =>
  t.cluster.registry.storeFor('apps', 'controllerrevisions')!.list({ namespace: NS }).items.map((c) => c.object as Kube<ControllerRevision>);

/** Plays the scheduler and kubelet for every unbound daemon pod. */
async function runAll(): Promise<void> {
  for (const p of live()) {
    if (!p.spec?.nodeName) await bind(t, p, targetNode(p)!);
    if (p.status?.phase !== 'Running') await makeReady(t, p);
  }
}

// Whole-cluster stories; the controller's cases one by one are on fakes in daemonset-sync.test.ts.
describe('DaemonSetController', () => {
  it('puts one pod on each schedulable node, not on the tainted control plane', async () => {
    await t.client.create('apps', 'daemonsets', NS, agent());
    await t.waitFor(() => live().length === 2, 'two pods');
    expect(nodesWithPods()).toEqual(['wrk1', 'wrk2']);
    const pod = live()[0]!;
    expect(pod.metadata.generateName).toBe('agent-');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNode(pod)] }] },
    ]);
    expect(pod.spec?.tolerations?.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const [cr] = revisions();
    expect(pod.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1', 'controller-revision-hash': cr!.metadata.labels!['controller-revision-hash'] });
    expect(cr!.metadata.name).toBe(`agent-${cr!.metadata.labels!['controller-revision-hash']}`);
    expect(cr!.revision).toBe(1);
    const created = await t.waitFor(() => t.events(NS, 'agent').find((e) => e.message === `Created pod: ${pod.metadata.name}`), 'create event');
    expect(created).toMatchObject({ reason: 'SuccessfulCreate', type: 'Normal' });
  });

  it('reports status once the pods are scheduled and ready', async () => {
    await t.client.create('apps', 'daemonsets', NS, agent());
    await t.waitFor(() => live().length === 2, 'two pods');
    await runAll();
    const s = await t.waitFor(() => (ds().status?.numberReady === 2 ? ds().status : undefined), 'ready status');
    expect(s).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      numberAvailable: 2,
      updatedNumberScheduled: 2,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
  });

  it('rolls pods to a new template one node at a time (maxUnavailable 1)', async () => {
    await t.client.create('apps', 'daemonsets', NS, agent());
    await t.waitFor(() => live().length === 2, 'two pods');
    await runAll();
    await t.waitFor(() => ds().status?.numberAvailable === 2, 'available');
    await t.client.update<DaemonSet>('apps', 'daemonsets', NS, 'agent', (d) => {
      d.spec!.template.spec!.containers[0]!.image = 'busybox:1.37';
    });
    const deleting = await t.waitFor(() => {
      const gone = t.pods(NS).filter((p) => p.metadata.deletionTimestamp);
      return gone.length ? gone : undefined;
    }, 'an old pod terminating');
    expect(deleting).toHaveLength(1);
    await removePod(t, deleting[0]!);
    const replacement = await t.waitFor(() => live().find((p) => p.spec?.containers[0]?.image === 'busybox:1.37'), 'new pod');
    expect(t.pods(NS).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(0);
    await bind(t, replacement, targetNode(replacement)!);
    await makeReady(t, replacement);
    const second = await t.waitFor(() => t.pods(NS).find((p) => p.metadata.deletionTimestamp), 'second old pod terminating');
    await removePod(t, second);
    await t.waitFor(() => live().filter((p) => p.spec?.containers[0]?.image === 'busybox:1.37').length === 2, 'all new');
    await runAll();
    const s = await t.waitFor(() => (ds().status?.updatedNumberScheduled === 2 && ds().status?.numberAvailable === 2 ? ds().status : undefined), 'rolled');
    expect(s.observedGeneration).toBe(2);
    expect(revisions().map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(live().every((p: Pod) => p.metadata?.labels?.['pod-template-generation'] === '2')).toBe(true);
  });
});
