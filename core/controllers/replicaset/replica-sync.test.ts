// The ReplicaSet controller's sync on fakes, as replica_set_test.go: seeded informers, one
// sync(key), the client's actions, the events and the status written.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import { ReplicaSetController } from './replica-controller';

const TEMPLATE_LABELS = { app: 'web', tier: 'web' };

function replicaSet(replicas: number, more: Partial<ReplicaSet> & { deleting?: boolean } = {}): ReplicaSet {
  const { deleting, ...rest } = more;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', generation: 1, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: TEMPLATE_LABELS, annotations: { note: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
    ...rest,
  };
}

const OWNER = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true };

function pod(name: string, opts: { owner?: typeof OWNER; labels?: Record<string, string>; ready?: boolean } = {}): Pod {
  const { owner = OWNER, labels = TEMPLATE_LABELS, ready = true } = opts;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, ownerReferences: [owner], creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

const orphan = (name: string, labels: Record<string, string> = TEMPLATE_LABELS): Pod => {
  const p = pod(name, { labels });
  delete p.metadata!.ownerReferences;
  return p;
};

interface Row {
  name: string;
  objects: object[];
  key?: string;
  /** Calls of the fake client that fail. */
  fail?: Array<[Verb, string]>;
  actions: string[];
  events?: string[];
  /** The status the sync wrote. */
  status?: object;
  error?: string;
}

const STATUS_2_READY = { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 };

const rows: Row[] = [
  {
    name: 'creates the missing pods and reports what it saw before',
    objects: [replicaSet(3)],
    actions: ['create pods default/web-1', 'create pods default/web-2', 'create pods default/web-3', 'update-status replicasets.apps default/web'],
    events: ['Normal SuccessfulCreate Created pod: web-1', 'Normal SuccessfulCreate Created pod: web-2', 'Normal SuccessfulCreate Created pod: web-3'],
    status: { replicas: 0, observedGeneration: 1 },
  },
  {
    name: 'does nothing when the pods are there and the status says so',
    objects: [replicaSet(2, { status: STATUS_2_READY }), pod('web-a'), pod('web-b')],
    actions: [],
  },
  {
    name: 'does nothing for a ReplicaSet that is gone',
    objects: [pod('web-a')],
    actions: [],
  },
  {
    name: 'reports the counts of the pods it has',
    objects: [replicaSet(2), pod('web-a'), pod('web-b')],
    actions: ['update-status replicasets.apps default/web'],
    status: STATUS_2_READY,
  },
  {
    name: 'scales down by deleting not-ready pods before ready ones',
    objects: [replicaSet(2), pod('web-a'), pod('web-b', { ready: false }), pod('web-c')],
    actions: ['delete pods default/web-b', 'update-status replicasets.apps default/web'],
    events: ['Normal SuccessfulDelete Deleted pod: web-b'],
    status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  },
  {
    name: 'adopts a matching orphan instead of creating a pod',
    objects: [replicaSet(1), orphan('stray')],
    actions: ['update pods default/stray', 'update-status replicasets.apps default/web'],
    status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
  },
  {
    name: 'releases an owned pod that stopped matching, and replaces it',
    objects: [replicaSet(1), pod('stray', { labels: { app: 'other' } })],
    actions: ['update pods default/stray', 'create pods default/web-1', 'update-status replicasets.apps default/web'],
    events: ['Normal SuccessfulCreate Created pod: web-1'],
    status: { replicas: 0, observedGeneration: 1 },
  },
  {
    name: "leaves another controller's pods alone",
    objects: [replicaSet(1), pod('theirs', { owner: { ...OWNER, name: 'other', uid: 'uid-other' } })],
    actions: ['create pods default/web-1', 'update-status replicasets.apps default/web'],
    events: ['Normal SuccessfulCreate Created pod: web-1'],
    status: { replicas: 0, observedGeneration: 1 },
  },
  {
    name: 'counts fully labeled replicas against the template labels',
    objects: [replicaSet(2), pod('web-a'), pod('partial', { labels: { app: 'web' } })],
    actions: ['update-status replicasets.apps default/web'],
    status: { replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  },
  {
    name: 'creates no pods for a ReplicaSet being deleted',
    objects: [replicaSet(2, { deleting: true })],
    actions: ['update-status replicasets.apps default/web'],
    status: { replicas: 0, observedGeneration: 1 },
  },
  {
    name: 'a failed create stops the batch, reports ReplicaFailure and fails the sync',
    objects: [replicaSet(3)],
    fail: [['create', 'pods']],
    actions: ['create pods default/web-1', 'update-status replicasets.apps default/web'],
    events: ['Warning FailedCreate Error creating: injected create pods failure'],
    status: {
      replicas: 0,
      observedGeneration: 1,
      conditions: [
        { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'FailedCreate', message: 'injected create pods failure' },
      ],
    },
    error: 'injected create pods failure',
  },
  {
    name: 'a failed delete reports ReplicaFailure and fails the sync',
    objects: [replicaSet(1, { status: { replicas: 2 } }), pod('web-a'), pod('web-b', { ready: false })],
    fail: [['delete', 'pods']],
    actions: ['delete pods default/web-b', 'update-status replicasets.apps default/web'],
    events: ['Warning FailedDelete Error deleting: injected delete pods failure'],
    status: {
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
      conditions: [
        { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'FailedDelete', message: 'injected delete pods failure' },
      ],
    },
    error: 'injected delete pods failure',
  },
];

describe('ReplicaSet controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    for (const [verb, resource] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource);
    const sync = new ReplicaSetController(ctx).sync(row.key ?? 'default/web');
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toEqual(row.status);
  });

  it('creates pods from the template: labels, annotations, controller reference', async () => {
    const ctx = new FakeContext();
    ctx.seed(replicaSet(1));
    await new ReplicaSetController(ctx).sync('default/web');
    const created = ctx.fakeClient.actions.find((a) => a.verb === 'create')!.object!;
    expect(created.metadata).toMatchObject({ generateName: 'web-', namespace: 'default', labels: TEMPLATE_LABELS, annotations: { note: 'x' }, ownerReferences: [OWNER] });
    expect(created.spec).toEqual({ containers: [{ name: 'c', image: 'nginx' }] });
  });

  it('adopts by adding itself as the controller reference', async () => {
    const ctx = new FakeContext();
    ctx.seed(replicaSet(1), orphan('stray'));
    await new ReplicaSetController(ctx).sync('default/web');
    expect(ctx.informer<Pod>('', 'pods').get('default', 'stray')?.metadata.ownerReferences).toEqual([OWNER]);
  });

  it('waits for the pods it created before creating more (expectations)', async () => {
    const ctx = new FakeContext();
    ctx.seed(replicaSet(2));
    const c = new ReplicaSetController(ctx);
    await c.sync('default/web');
    // The informer has not seen the new pods yet (and the controller, not started, never observes them).
    for (const name of ['web-1', 'web-2']) ctx.informer('', 'pods').remove('default', name);
    await c.sync('default/web');
    const creates = () => ctx.fakeClient.lines().filter((l) => l.startsWith('create'));
    expect(creates()).toEqual(['create pods default/web-1', 'create pods default/web-2']);
    // Expectations expire after five minutes: the sync acts on what it sees again.
    ctx.clock.advance(5 * 60_000 + 1);
    await c.sync('default/web');
    expect(creates()).toHaveLength(4);
  });
});
