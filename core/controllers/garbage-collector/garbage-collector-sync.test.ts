// The garbage collector's sync on fakes, as garbagecollector_test.go: objects seeded, the graph
// built from them, one sync(key) of a task on one object; the client's actions, what the sync
// queued for later, the events.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../machinery/object';
import { keyOf } from '../../client/informer';
import { FakeContext, resourceName } from '../../../test/support/controller-fakes';
import { GarbageCollector, itemKey, type Identity, type Task } from './garbage-collector';

/** A collector that records what it queues instead of working on it: the test runs one sync. */
class RecordingCollector extends GarbageCollector {
  readonly queued: string[] = [];

  protected override enqueue(task: Task, id: Identity): void {
    this.queued.push(`${task} ${resourceName(id.group, id.plural)} ${keyOf({ metadata: id })}`);
  }
}

const NS = 'default';
const NOW = '2026-01-01T00:00:00Z';

const ref = (name: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({ apiVersion: 'v1', kind: 'ConfigMap', name, uid: `uid-${name}`, ...extra });

function configMap(name: string, owners: OwnerReference[] = [], more: { namespace?: string; deleting?: string[] } = {}): KubeObject {
  const { namespace = NS, deleting } = more;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace,
      ...(owners.length ? { ownerReferences: owners } : {}),
      ...(deleting ? { deletionTimestamp: NOW, finalizers: deleting } : {}),
    },
  };
}

const REPLICA_SET = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4f', namespace: NS }, spec: { selector: { matchLabels: { app: 'web' } } } };
const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-5d4f-x', namespace: NS, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4f', uid: 'uid-web-5d4f', controller: true }] },
};
const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } };
const LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'node-1', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'uid-node-1' }] },
};
const CLUSTER_ROLE = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', ownerReferences: [ref('owner')] } };

const child = configMap('child', [ref('owner')]);
const blocking = ref('owner', { blockOwnerDeletion: true });

interface Row {
  name: string;
  objects: object[];
  /** The task and the object (one of objects, or one never seeded) the sync is for. */
  sync: [Task, object];
  actions: string[];
  /** The propagation policy of every delete (each with its object's uid as precondition). */
  policy?: 'Background' | 'Foreground' | 'Orphan';
  /** The owner references and finalizers each update left, by its action line. */
  left?: Record<string, Pick<KubeObject['metadata'], 'ownerReferences' | 'finalizers'>>;
  queued?: string[];
  events?: string[];
}

const rows: Row[] = [
  {
    name: 'deletes a dependent whose owner never existed',
    objects: [child],
    sync: ['delete', child],
    actions: ['delete configmaps default/child'],
    policy: 'Background',
  },
  {
    name: 'deletes a dependent whose owner is gone though another object has its name (another uid)',
    objects: [configMap('owner'), configMap('child', [ref('owner', { uid: 'uid-earlier-owner' })])],
    sync: ['delete', child],
    actions: ['delete configmaps default/child'],
    policy: 'Background',
  },
  {
    name: 'keeps a dependent whose owner is there',
    objects: [configMap('owner'), child],
    sync: ['delete', child],
    actions: [],
  },
  {
    name: 'keeps a dependent with a remaining owner, removing the reference to the one gone',
    objects: [configMap('kept'), configMap('child', [ref('owner'), ref('kept')])],
    sync: ['delete', child],
    actions: ['update configmaps default/child'],
    left: { 'update configmaps default/child': { ownerReferences: [ref('kept')] } },
  },
  {
    name: 'leaves a dependent being deleted to finish',
    objects: [configMap('child', [ref('owner')], { deleting: ['example.com/hold'] })],
    sync: ['delete', child],
    actions: [],
  },
  {
    name: 'does nothing for an object that is gone',
    objects: [],
    sync: ['delete', child],
    actions: [],
  },
  {
    name: 'an owner of another resource, resolved by its group and kind: kept while the ReplicaSet is there',
    objects: [REPLICA_SET, POD],
    sync: ['delete', POD],
    actions: [],
  },
  {
    name: 'an owner of another resource, resolved by its group and kind: deleted once the ReplicaSet is gone',
    objects: [POD],
    sync: ['delete', POD],
    actions: ['delete pods default/web-5d4f-x'],
    policy: 'Background',
  },
  {
    name: 'a cluster-scoped owner of a namespaced dependent is found without a namespace',
    objects: [NODE, LEASE],
    sync: ['delete', LEASE],
    actions: [],
  },
  {
    name: 'a cluster-scoped owner gone: its namespaced dependent is deleted',
    objects: [LEASE],
    sync: ['delete', LEASE],
    actions: ['delete leases.coordination.k8s.io kube-node-lease/node-1'],
    policy: 'Background',
  },
  {
    name: "a namespaced owner is looked for in the dependent's namespace only",
    objects: [configMap('owner', [], { namespace: 'other' }), child],
    sync: ['delete', child],
    actions: ['delete configmaps default/child'],
    policy: 'Background',
  },
  {
    name: 'a cluster-scoped dependent of a namespaced owner: an event, and deleted',
    objects: [configMap('owner'), CLUSTER_ROLE],
    sync: ['delete', CLUSTER_ROLE],
    actions: ['delete clusterroles.rbac.authorization.k8s.io reader'],
    policy: 'Background',
    events: ['Warning OwnerRefInvalidNamespace ownerRef [v1/ConfigMap, namespace: , name: owner, uid: uid-owner] does not exist in namespace ""'],
  },
  {
    name: 'leaves a dependent alone while one of its owners is of a kind nobody serves',
    objects: [configMap('child', [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'uid-w' }, ref('owner')])],
    sync: ['delete', child],
    actions: [],
  },
  {
    name: 'orphan: the dependents lose their reference to the owner, then the owner its orphan finalizer',
    objects: [
      configMap('owner', [], { deleting: ['orphan', 'example.com/hold'] }),
      configMap('other'),
      child,
      configMap('shared', [ref('owner'), ref('other')]),
      configMap('bystander', [ref('other')]),
    ],
    sync: ['orphan', configMap('owner')],
    actions: ['update configmaps default/child', 'update configmaps default/shared', 'update configmaps default/owner'],
    left: {
      'update configmaps default/child': {},
      'update configmaps default/shared': { ownerReferences: [ref('other')] },
      'update configmaps default/owner': { finalizers: ['example.com/hold'] },
    },
  },
  {
    name: 'orphan: nothing for an owner without the orphan finalizer',
    objects: [configMap('owner', [], { deleting: ['example.com/hold'] }), child],
    sync: ['orphan', configMap('owner')],
    actions: [],
  },
  {
    name: 'foreground: an owner with blocking dependents queues its dependents for deletion, first',
    objects: [configMap('owner', [], { deleting: ['foregroundDeletion'] }), configMap('blocking', [blocking]), configMap('loose', [ref('owner')])],
    sync: ['delete', configMap('owner')],
    actions: [],
    queued: ['delete configmaps default/blocking', 'delete configmaps default/loose'],
  },
  {
    name: 'foreground: a dependent of an owner waiting for it is deleted in the background when it has no dependents',
    objects: [configMap('owner', [], { deleting: ['foregroundDeletion'] }), configMap('child', [blocking])],
    sync: ['delete', child],
    actions: ['delete configmaps default/child'],
    policy: 'Background',
  },
  {
    name: 'foreground: a dependent of an owner waiting for it is deleted in the foreground when it has dependents of its own',
    objects: [configMap('owner', [], { deleting: ['foregroundDeletion'] }), configMap('child', [blocking]), configMap('grandchild', [ref('child')])],
    sync: ['delete', child],
    actions: ['delete configmaps default/child'],
    policy: 'Foreground',
  },
  {
    name: 'foreground: a dependent with another owner there loses only its reference to the owner being deleted',
    objects: [configMap('owner', [], { deleting: ['foregroundDeletion'] }), configMap('kept'), configMap('child', [blocking, ref('kept')])],
    sync: ['delete', child],
    actions: ['update configmaps default/child'],
    left: { 'update configmaps default/child': { ownerReferences: [ref('kept')] } },
  },
  {
    name: 'foreground: with no blocking dependent left the owner loses its finalizer',
    objects: [configMap('owner', [], { deleting: ['foregroundDeletion'] }), configMap('loose', [ref('owner')])],
    sync: ['delete', configMap('owner')],
    actions: ['update configmaps default/owner'],
    left: { 'update configmaps default/owner': {} },
  },
];

/** The queue key of the sync's task on obj, as the collector's handlers make it. */
function keyFor(ctx: FakeContext, [task, obj]: [Task, object]): string {
  const o = obj as KubeObject;
  const { group, plural } = ctx.informerOf(o).def;
  return itemKey(task, { group, plural, namespace: o.metadata.namespace, name: o.metadata.name!, uid: `uid-${o.metadata.name}` });
}

describe('garbage collector sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    const gc = new RecordingCollector(ctx);
    gc.start(); // builds the graph from the informers
    gc.stop(); // and stops following them: a row is one sync, not the events its writes cause
    gc.queued.length = 0;
    await gc.sync(keyFor(ctx, row.sync));
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(gc.queued).toEqual(row.queued ?? []);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    for (const a of ctx.fakeClient.actions.filter((a) => a.verb === 'delete')) {
      expect(a.options).toEqual({ propagationPolicy: row.policy, preconditions: { uid: `uid-${a.name}` } });
    }
    const lines = ctx.fakeClient.lines();
    const left = ctx.fakeClient.actions.flatMap((a, i) =>
      a.verb === 'update' ? [[lines[i], { ownerReferences: a.object?.metadata.ownerReferences, finalizers: a.object?.metadata.finalizers }]] : [],
    );
    expect(Object.fromEntries(left)).toEqual(row.left ?? {});
  });
});
