// The node lifecycle controller on fakes, as node_lifecycle_controller_test.go: nodes, Leases
// and pods seeded, the controller started (its handlers keep each node's last sign of life, so
// its syncs run from its own queue), then the kubelets' writes and the manual clock moving on;
// the client's actions, the events and node wrk1 at the end. Node wrk2 stays alive throughout,
// so the zone is never wholly down.
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMINGS } from '../../client/context';
import { FakeContext } from '../../../test/support/controller-fakes';
import { CREATED, Kubelets, lease, node, pod, settle, type NodeOptions } from '../../../test/support/node-fixtures';
import { NodeLifecycleController } from './node-lifecycle-controller';

const GRACE_MS = DEFAULT_TIMINGS.nodeMonitorGracePeriodMs;
const NODE_STATUS = 'update-status nodes wrk1';
const NODE = 'update nodes wrk1';
const POD_STATUS = 'update-status pods default/web';
const NODE_NOT_READY = 'Normal NodeNotReady Node wrk1 status is now: NodeNotReady';

const taint = (key: string, effect: Taint['effect']): Taint => ({ key: `node.kubernetes.io/${key}`, effect });
const UNREACHABLE = ['unreachable:NoExecute', 'unreachable:NoSchedule'];
const NOT_READY = ['not-ready:NoExecute', 'not-ready:NoSchedule'];
const UNKNOWN = (reason: string) => ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((type) => `${type} Unknown ${reason}`);

type Step = (k: Kubelets) => unknown;
/** The clock moves on by ms; wrk2 (and any other node named) renews its Lease every 10 s. */
const quiet = (ms: number, ...alive: string[]): Step => (k) => k.advance(ms, ['wrk2', ...alive]);
const post = (status: 'True' | 'False'): Step => (k) => k.postReady('wrk1', status);
const cordon = (unschedulable: boolean): Step => (k) => {
  const n = structuredClone(k.node('wrk1'));
  n.spec = { ...n.spec, unschedulable };
  k.write(n);
};

interface Row {
  name: string;
  wrk1?: NodeOptions;
  pods?: Pod[];
  /** What happens after the controller started (it wrote nothing then). */
  steps: Step[];
  actions: string[];
  events?: string[];
  /** wrk1's taints at the end, without node.kubernetes.io/. */
  taints?: string[];
  /** When the controller added them. */
  timeAdded?: string;
  /** wrk1's conditions at the end: type, status, reason. */
  conditions?: string[];
  /** Matches wrk1's Ready condition at the end. */
  ready?: object;
  podReady?: 'True' | 'False';
}

const rows: Row[] = [
  {
    name: 'Ready, its Lease renewed: left alone long past the grace period',
    steps: [quiet(3 * GRACE_MS, 'wrk1')],
    actions: [],
    taints: [],
    conditions: ['Ready True KubeletReady'],
  },
  {
    name: 'Ready, its status posted (no Lease renewed): left alone past the grace period',
    steps: [quiet(30_000), post('True'), quiet(30_000)],
    actions: [],
    taints: [],
    conditions: ['Ready True KubeletReady'],
  },
  {
    name: 'silent for the grace period: left alone',
    steps: [quiet(GRACE_MS)],
    actions: [],
    conditions: ['Ready True KubeletReady'],
  },
  {
    name: 'silent for longer: its conditions Unknown, NodeNotReady, its pods not Ready, the unreachable taints',
    pods: [pod('web', 'wrk1'), pod('elsewhere', 'wrk2')],
    steps: [quiet(GRACE_MS + 1)],
    actions: [NODE_STATUS, POD_STATUS, NODE, NODE],
    events: [NODE_NOT_READY, 'Warning NodeNotReady Node is not ready'],
    taints: UNREACHABLE,
    timeAdded: '2026-01-01T00:00:40Z',
    conditions: ['Ready Unknown NodeStatusUnknown', ...UNKNOWN('NodeStatusNeverUpdated').slice(1)],
    ready: { message: 'Kubelet stopped posting node status.', lastTransitionTime: '2026-01-01T00:00:40Z' },
    podReady: 'False',
  },
  {
    name: 'its Lease renewed at 30 s, then silent for the grace period: left alone (the wake-up at 40 s looks again at 70 s)',
    steps: [quiet(30_000, 'wrk1'), quiet(GRACE_MS)],
    actions: [],
    conditions: ['Ready True KubeletReady'],
  },
  {
    name: 'its Lease renewed at 30 s, then silent for longer: Unknown',
    steps: [quiet(30_000, 'wrk1'), quiet(GRACE_MS + 1)],
    actions: [NODE_STATUS, NODE, NODE],
    events: [NODE_NOT_READY],
    taints: UNREACHABLE,
    ready: { status: 'Unknown', lastTransitionTime: '2026-01-01T00:01:10Z' },
  },
  {
    name: 'its kubelet posts Ready=False: the not-ready taints (its pods are the kubelet’s to mark)',
    pods: [pod('web', 'wrk1')],
    steps: [post('False')],
    actions: [NODE, NODE],
    taints: NOT_READY,
    conditions: ['Ready False KubeletNotReady'],
    podReady: 'True',
  },
  {
    name: 'a pod bound to a node not Ready is not Ready either',
    wrk1: { ready: 'False', taints: [taint('not-ready', 'NoExecute'), taint('not-ready', 'NoSchedule')] },
    steps: [(k) => k.write(pod('web', 'wrk1'))],
    actions: [POD_STATUS],
    events: ['Warning NodeNotReady Node is not ready'],
    podReady: 'False',
  },
  {
    name: 'never posted Ready: left alone for the startup grace period (1.5 grace periods)',
    wrk1: { ready: 'never' },
    steps: [quiet(1.5 * GRACE_MS)],
    actions: [],
    taints: [],
    conditions: [],
  },
  {
    name: 'never posted Ready, past the startup grace period: Unknown, never updated',
    wrk1: { ready: 'never' },
    steps: [quiet(1.5 * GRACE_MS + 1)],
    actions: [NODE_STATUS, NODE, NODE],
    taints: UNREACHABLE,
    conditions: UNKNOWN('NodeStatusNeverUpdated'),
    ready: { message: 'Kubelet never posted node status.', lastHeartbeatTime: CREATED },
  },
  {
    name: 'Unknown, then Ready posted again: the unreachable taints removed',
    wrk1: { ready: 'Unknown', taints: [taint('unreachable', 'NoExecute'), taint('unreachable', 'NoSchedule')] },
    steps: [post('True')],
    actions: [NODE, NODE],
    taints: [],
    conditions: ['Ready True KubeletReady'],
  },
  {
    name: 'foreign taints are left alone',
    wrk1: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    steps: [quiet(GRACE_MS + 1)],
    actions: [NODE_STATUS, NODE, NODE],
    events: [NODE_NOT_READY],
    taints: ['node-role.kubernetes.io/control-plane:NoSchedule', ...UNREACHABLE],
  },
  {
    name: 'cordoned: the unschedulable taint',
    steps: [cordon(true)],
    actions: [NODE],
    taints: ['unschedulable:NoSchedule'],
  },
  {
    name: 'uncordoned: the unschedulable taint removed',
    wrk1: { unschedulable: true, taints: [taint('unschedulable', 'NoSchedule')] },
    steps: [cordon(false)],
    actions: [NODE],
    taints: [],
  },
];

const taintsOf = (n: Node) => (n.spec?.taints ?? []).map((t) => `${t.key.replace('node.kubernetes.io/', '')}:${t.effect}`).sort();

describe('node lifecycle controller on fakes', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(node('wrk1', row.wrk1), lease('wrk1'), node('wrk2'), lease('wrk2'), ...(row.pods ?? []));
    const controller = new NodeLifecycleController(ctx);
    controller.start();
    await settle();
    expect(ctx.fakeClient.lines()).toEqual([]);
    ctx.fakeRecorder.events.length = 0; // RegisteredNode, for each
    const kubelets = new Kubelets(ctx);
    for (const step of row.steps) {
      await step(kubelets);
      await settle();
    }
    controller.stop();

    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    const wrk1 = kubelets.node('wrk1');
    if (row.taints) expect(taintsOf(wrk1)).toEqual([...row.taints].sort());
    if (row.timeAdded) expect(wrk1.spec?.taints?.map((t) => t.timeAdded)).toEqual(row.taints?.map(() => row.timeAdded));
    if (row.conditions) expect((wrk1.status?.conditions ?? []).map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual(row.conditions);
    if (row.ready) expect(wrk1.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject(row.ready);
    const web = ctx.informer<Pod>('', 'pods').get('default', 'web');
    if (row.podReady) expect(web?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe(row.podReady);
  });
});
