// The DaemonSet controller's sync on fakes, as daemon_controller_test.go: nodes and a DaemonSet
// seeded, its pods run first where a row says so, a change, then one sync(key): the client's
// actions, the events and the status written.
import type { DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { FakeContext } from '../../../test/support/controller-fakes';
import { CONTROL_PLANE_TAINT } from '../../../test/support/workload-fixture';
import { DaemonSetController } from './daemonset-controller';
import { targetNode } from './daemon-pod';

const NS = 'kube-system';

function agent(spec: Partial<DaemonSetSpec> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: NS, generation: 1 },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      ...spec,
    },
  };
}

function node(name: string, opts: { controlPlane?: boolean; labels?: Record<string, string> } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...opts.labels } },
    spec: opts.controlPlane ? { taints: [CONTROL_PLANE_TAINT] } : {},
  };
}

const NODES = [node('cp1', { controlPlane: true }), node('wrk1'), node('wrk2')];
const KEY = `${NS}/agent`;
const STATUS = `update-status daemonsets.apps ${KEY}`;

/** A first sync, whose pods then run (bound, Running and Ready: the scheduler's and kubelet's part) if asked, and a second. */
async function before(ctx: FakeContext, controller: DaemonSetController, state: 'created' | 'running'): Promise<void> {
  await controller.sync(KEY);
  const pods = ctx.informer<Pod>('', 'pods');
  if (state === 'running') {
    for (const p of pods.list(NS)) {
      const ready = { type: 'Ready', status: 'True', lastTransitionTime: '2025-12-31T00:00:00Z' };
      pods.set({ ...p, spec: { ...p.spec!, nodeName: targetNode(p) }, status: { phase: 'Running', conditions: [ready] } } as Kube<Pod>);
    }
  }
  await controller.sync(KEY);
  ctx.fakeClient.actions.length = 0;
  ctx.fakeRecorder.events.length = 0;
}

const withPodSpec = (more: Partial<PodSpec>, generation = 1): DaemonSet => {
  const ds = agent();
  return { ...ds, metadata: { ...ds.metadata, generation }, spec: { ...ds.spec!, template: { ...ds.spec!.template, spec: { ...ds.spec!.template.spec!, ...more } } } };
};
const SSD = { disk: 'ssd' };

interface Row {
  name: string;
  ds: DaemonSet;
  nodes?: Node[];
  /** The pods of a first sync, as they are before the sync under test. */
  before?: 'created' | 'running';
  /** What changes before the sync under test. */
  change?: (ctx: FakeContext) => void;
  fail?: Array<['create' | 'delete', string]>;
  actions: string[];
  events?: string[];
  status?: object;
  error?: string;
}

const rows: Row[] = [
  {
    name: 'records the template as a revision and creates a pod per schedulable node, none on the tainted control plane',
    ds: agent(),
    actions: [`create controllerrevisions.apps ${NS}/agent-6b7fb48bbd`, `create pods ${NS}/agent-1`, `create pods ${NS}/agent-2`, STATUS],
    events: ['Normal SuccessfulCreate Created pod: agent-1', 'Normal SuccessfulCreate Created pod: agent-2'],
    status: { desiredNumberScheduled: 2, currentNumberScheduled: 0, observedGeneration: 1 },
  },
  {
    name: 'tolerating the control-plane taint: a pod there too',
    ds: withPodSpec({ tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists', effect: 'NoSchedule' }] }),
    actions: [`create controllerrevisions.apps ${NS}/agent-5cd5fb77cd`, `create pods ${NS}/agent-1`, `create pods ${NS}/agent-2`, `create pods ${NS}/agent-3`, STATUS],
    events: ['Normal SuccessfulCreate Created pod: agent-1', 'Normal SuccessfulCreate Created pod: agent-2', 'Normal SuccessfulCreate Created pod: agent-3'],
    status: { desiredNumberScheduled: 3 },
  },
  {
    name: 'nodeSelector: only the matching nodes',
    ds: withPodSpec({ nodeSelector: SSD }),
    nodes: [...NODES, node('wrk3', { labels: SSD })],
    actions: [`create controllerrevisions.apps ${NS}/agent-cfbf7d574`, `create pods ${NS}/agent-1`, STATUS],
    events: ['Normal SuccessfulCreate Created pod: agent-1'],
    status: { desiredNumberScheduled: 1 },
  },
  {
    name: 'nothing to do once its pods run',
    ds: agent(),
    before: 'running',
    actions: [],
  },
  {
    name: 'a node joins: a pod for it',
    ds: agent(),
    before: 'running',
    change: (ctx) => ctx.seed(node('wrk3')),
    actions: [`create pods ${NS}/agent-3`, STATUS],
    events: ['Normal SuccessfulCreate Created pod: agent-3'],
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 2, numberReady: 2, numberUnavailable: 1 },
  },
  {
    name: 'a node stops matching the nodeSelector: its pod goes',
    ds: withPodSpec({ nodeSelector: SSD }),
    nodes: [node('wrk1', { labels: SSD }), node('wrk2', { labels: SSD })],
    before: 'running',
    change: (ctx) => ctx.seed(node('wrk2')),
    actions: [`delete pods ${NS}/agent-2`, STATUS],
    events: ['Normal SuccessfulDelete Deleted pod: agent-2'],
    status: { desiredNumberScheduled: 1, numberMisscheduled: 1 },
  },
  {
    name: 'a node goes: the pod made for it, never bound, is deleted',
    ds: agent(),
    before: 'created',
    change: (ctx) => ctx.informer('', 'nodes').remove(undefined, 'wrk2'),
    actions: [`delete pods ${NS}/agent-2`, STATUS],
    events: ['Normal SuccessfulDelete Deleted pod: agent-2'],
    status: { desiredNumberScheduled: 1 },
  },
  {
    name: 'a failed daemon pod is deleted, to be replaced in the next round',
    ds: agent(),
    before: 'running',
    change: (ctx) => {
      const pods = ctx.informer<Pod>('', 'pods');
      pods.set({ ...pods.get(NS, 'agent-1')!, status: { phase: 'Failed' } });
    },
    actions: [`delete pods ${NS}/agent-1`, STATUS],
    events: ['Warning FailedDaemonPod Found failed daemon pod kube-system/agent-1 on node wrk1, will try to kill it', 'Normal SuccessfulDelete Deleted pod: agent-1'],
    status: { numberReady: 1, numberUnavailable: 1 },
  },
  {
    name: 'a new template: a new revision, and one old pod at a time goes (maxUnavailable 1)',
    ds: agent(),
    before: 'running',
    change: (ctx) => ctx.seed(withPodSpec({ containers: [{ name: 'agent', image: 'busybox:1.37' }] }, 2)),
    actions: [`create controllerrevisions.apps ${NS}/agent-864b577cd7`, `delete pods ${NS}/agent-1`, STATUS],
    events: ['Normal SuccessfulDelete Deleted pod: agent-1'],
    status: { updatedNumberScheduled: 0, observedGeneration: 2 },
  },
  {
    name: 'a failed create is reported and fails the sync',
    ds: agent(),
    fail: [['create', 'pods']],
    actions: [`create controllerrevisions.apps ${NS}/agent-6b7fb48bbd`, `create pods ${NS}/agent-1`, `create pods ${NS}/agent-2`],
    events: ['Warning FailedCreate Error creating: injected create pods failure', 'Normal SuccessfulCreate Created pod: agent-2'],
    error: 'injected create pods failure',
  },
];

describe('DaemonSet controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...(row.nodes ?? NODES), row.ds);
    const controller = new DaemonSetController(ctx);
    if (row.before) await before(ctx, controller, row.before);
    row.change?.(ctx);
    for (const [verb, resource] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource);
    const sync = controller.sync(KEY);
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
  });
});
