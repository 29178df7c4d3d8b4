import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { GarbageCollector } from './garbage-collector';

const NS = 'default';
let t: TestCluster;
let gc: GarbageCollector;

beforeEach(async () => {
  t = await startTestCluster();
  gc = new GarbageCollector(t.cluster.context);
  gc.start();
});
afterEach(async () => {
  gc.stop();
  await t.stop();
});

const store = () => t.cluster.registry.storeFor('', 'configmaps')!;
const cm = (name: string) => store().find(NS, name)?.object as Kube<ConfigMap> | undefined;
const ref = (owner: Kube<ConfigMap>, extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: owner.metadata.name!,
  uid: owner.metadata.uid!,
  ...extra,
});
const create = (name: string, owners: OwnerReference[] = []) =>
  t.client.create<ConfigMap>('', 'configmaps', NS, { metadata: { name, ...(owners.length ? { ownerReferences: owners } : {}) } });
const remove = (name: string, propagationPolicy?: 'Foreground' | 'Background' | 'Orphan') =>
  store().delete(NS, name, { propagationPolicy }, { user: { username: 'test', groups: ['system:masters'] } });

// Whole-cluster stories: the API server's deletion and the collector together. The collector's
// rules are tested on fakes in garbage-collector-sync.test.ts.
describe('GarbageCollector', () => {
  it('background: deleting an owner deletes its dependents, and theirs', async () => {
    const owner = await create('owner');
    const child = await create('child', [ref(owner)]);
    await create('grandchild', [ref(child)]);
    await create('bystander');
    await remove('owner');
    await t.waitFor(() => !cm('child') && !cm('grandchild'), 'dependents deleted');
    expect(cm('bystander')).toBeDefined();
  });

  it('foreground: blocking dependents go first, then the finalizer, then the owner', async () => {
    const owner = await create('owner');
    await create('blocking', [ref(owner, { blockOwnerDeletion: true })]);
    await create('loose', [ref(owner)]);
    const marked = await remove('owner', 'Foreground');
    expect(marked.object.metadata.finalizers).toEqual(['foregroundDeletion']);
    await t.waitFor(() => !cm('owner'), 'owner deleted');
    expect(cm('blocking')).toBeUndefined();
    await t.waitFor(() => !cm('loose'), 'loose dependent deleted');
  });
});
