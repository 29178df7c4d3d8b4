// The replica controller's sync on fakes, as replica_set_test.go: seeded informers, one
// sync(key), the client's actions, the events and the status written. Every row runs for both
// kinds it serves: ReplicaSets, and ReplicationControllers (whose selector is a label map).
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import { ReplicaSetController, ReplicationControllerController, type ReplicaController } from './replica-controller';

const TEMPLATE_LABELS = { app: 'web', tier: 'web' };

interface Kind {
  kind: string;
  apiVersion: string;
  /** As the fake client names it in its actions. */
  resource: string;
  controller: (ctx: FakeContext) => ReplicaController;
  /** The selector of app=web, in the kind's own form. */
  selector: object;
}

const KINDS: Kind[] = [
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    resource: 'replicasets.apps',
    controller: (ctx) => new ReplicaSetController(ctx),
    selector: { matchLabels: { app: 'web' } },
  },
  {
    kind: 'ReplicationController',
    apiVersion: 'v1',
    resource: 'replicationcontrollers',
    controller: (ctx) => new ReplicationControllerController(ctx),
    selector: { app: 'web' },
  },
];

interface OwnerFields {
  status?: object;
  deleting?: boolean;
}

function owner(k: Kind, replicas: number, { status, deleting }: OwnerFields = {}) {
  return {
    apiVersion: k.apiVersion,
    kind: k.kind,
    metadata: { name: 'web', namespace: 'default', generation: 1, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] } : {}) },
    spec: {
      replicas,
      selector: k.selector,
      template: { metadata: { labels: TEMPLATE_LABELS, annotations: { note: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
    ...(status ? { status } : {}),
  };
}

const ownerRef = (k: Kind): OwnerReference => ({ apiVersion: k.apiVersion, kind: k.kind, name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true });

function pod(name: string, opts: { owner?: OwnerReference; labels?: Record<string, string>; ready?: boolean } = {}): Pod {
  const { owner, labels = TEMPLATE_LABELS, ready = true } = opts;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, ...(owner ? { ownerReferences: [owner] } : {}), creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

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

function rows(k: Kind): Row[] {
  const STATUS = `update-status ${k.resource} default/web`;
  const owned = (name: string, opts: Parameters<typeof pod>[1] = {}) => pod(name, { owner: ownerRef(k), ...opts });
  return [
    {
      name: 'creates the missing pods and reports what it saw before',
      objects: [owner(k, 3)],
      actions: ['create pods default/web-1', 'create pods default/web-2', 'create pods default/web-3', STATUS],
      events: ['Normal SuccessfulCreate Created pod: web-1', 'Normal SuccessfulCreate Created pod: web-2', 'Normal SuccessfulCreate Created pod: web-3'],
      status: { replicas: 0, observedGeneration: 1 },
    },
    {
      name: 'does nothing when the pods are there and the status says so',
      objects: [owner(k, 2, { status: STATUS_2_READY }), owned('web-a'), owned('web-b')],
      actions: [],
    },
    {
      name: 'does nothing for one that is gone',
      objects: [owned('web-a')],
      actions: [],
    },
    {
      name: 'reports the counts of the pods it has',
      objects: [owner(k, 2), owned('web-a'), owned('web-b')],
      actions: [STATUS],
      status: STATUS_2_READY,
    },
    {
      name: 'scales down by deleting not-ready pods before ready ones',
      objects: [owner(k, 2), owned('web-a'), owned('web-b', { ready: false }), owned('web-c')],
      actions: ['delete pods default/web-b', STATUS],
      events: ['Normal SuccessfulDelete Deleted pod: web-b'],
      status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
    },
    {
      name: 'adopts a matching orphan instead of creating a pod',
      objects: [owner(k, 1), pod('stray')],
      actions: ['update pods default/stray', STATUS],
      status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
    },
    {
      name: 'releases an owned pod that stopped matching, and replaces it',
      objects: [owner(k, 1), owned('stray', { labels: { app: 'other' } })],
      actions: ['update pods default/stray', 'create pods default/web-1', STATUS],
      events: ['Normal SuccessfulCreate Created pod: web-1'],
      status: { replicas: 0, observedGeneration: 1 },
    },
    {
      name: "leaves another controller's pods alone",
      objects: [owner(k, 1), pod('theirs', { owner: { ...ownerRef(k), name: 'other', uid: 'uid-other' } })],
      actions: ['create pods default/web-1', STATUS],
      events: ['Normal SuccessfulCreate Created pod: web-1'],
      status: { replicas: 0, observedGeneration: 1 },
    },
    {
      name: 'counts fully labeled replicas against the template labels',
      objects: [owner(k, 2), owned('web-a'), owned('partial', { labels: { app: 'web' } })],
      actions: [STATUS],
      status: { replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
    },
    {
      name: 'creates no pods for one being deleted',
      objects: [owner(k, 2, { deleting: true })],
      actions: [STATUS],
      status: { replicas: 0, observedGeneration: 1 },
    },
    {
      name: 'a failed create stops the batch, reports ReplicaFailure and fails the sync',
      objects: [owner(k, 3)],
      fail: [['create', 'pods']],
      actions: ['create pods default/web-1', STATUS],
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
      objects: [owner(k, 1, { status: { replicas: 2 } }), owned('web-a'), owned('web-b', { ready: false })],
      fail: [['delete', 'pods']],
      actions: ['delete pods default/web-b', STATUS],
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
}

describe.each(KINDS)('$kind controller sync', (k) => {
  it.each(rows(k))('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    for (const [verb, resource] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource);
    const sync = k.controller(ctx).sync(row.key ?? 'default/web');
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toEqual(row.status);
  });

  it('creates pods from the template: labels, annotations, controller reference', async () => {
    const ctx = new FakeContext();
    ctx.seed(owner(k, 1));
    await k.controller(ctx).sync('default/web');
    const created = ctx.fakeClient.actions.find((a) => a.verb === 'create')!.object!;
    expect(created.metadata).toMatchObject({ generateName: 'web-', namespace: 'default', labels: TEMPLATE_LABELS, annotations: { note: 'x' }, ownerReferences: [ownerRef(k)] });
    expect(created.spec).toEqual({ containers: [{ name: 'c', image: 'nginx' }] });
  });

  it('adopts by adding itself as the controller reference', async () => {
    const ctx = new FakeContext();
    ctx.seed(owner(k, 1), pod('stray'));
    await k.controller(ctx).sync('default/web');
    expect(ctx.informer<Pod>('', 'pods').get('default', 'stray')?.metadata.ownerReferences).toEqual([ownerRef(k)]);
  });

  it('waits for the pods it created before creating more (expectations)', async () => {
    const ctx = new FakeContext();
    ctx.seed(owner(k, 2));
    const c = k.controller(ctx);
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
