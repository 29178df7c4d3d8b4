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

  it('orphan: dependents stay, without their reference to the owner; the owner goes', async () => {
    const owner = await create('owner');
    const other = await create('other');
    await create('child', [ref(owner), ref(other)]);
    const marked = await remove('owner', 'Orphan');
    expect(marked.deleted).toBe(false);
    expect(marked.object.metadata.finalizers).toEqual(['orphan']);
    await t.waitFor(() => !cm('owner'), 'owner deleted');
    expect(cm('child')?.metadata.ownerReferences?.map((o) => o.name)).toEqual(['other']);
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

  it.each([
    ['an owner that never existed', (_o: Kube<ConfigMap>) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '00000000-0000-0000-0000-000000000000' })],
    ['an owner of that name with another uid', (o: Kube<ConfigMap>) => ref(o, { uid: '11111111-1111-1111-1111-111111111111' })],
  ])('deletes a dependent of %s', async (_name, makeRef) => {
    const owner = await create('owner');
    await create('dangling', [makeRef(owner)]);
    await t.waitFor(() => !cm('dangling'), 'dangling dependent deleted');
    expect(cm('owner')).toBeDefined();
  });

  it('keeps a dependent with a remaining owner, dropping the reference to the one gone', async () => {
    const a = await create('a');
    const b = await create('b');
    await create('child', [ref(a), ref(b)]);
    await remove('a');
    await t.waitFor(() => cm('child')?.metadata.ownerReferences?.length === 1, 'reference dropped');
    expect(cm('child')!.metadata.ownerReferences![0]!.name).toBe('b');
  });

  it('leaves references to kinds the server does not serve alone', async () => {
    await create('child', [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: '22222222-2222-2222-2222-222222222222' }]);
    const other = await create('owner');
    await create('marker', [ref(other)]);
    await remove('owner');
    await t.waitFor(() => !cm('marker'), 'marker collected');
    expect(cm('child')).toBeDefined();
  });
});
