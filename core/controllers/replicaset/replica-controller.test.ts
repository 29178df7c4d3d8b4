import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { ReplicaSetController } from './replica-controller';
import { startHarness, type Harness } from '../../../test/support/workload-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness((c) => [new ReplicaSetController(c.context)]);
});
afterEach(() => h.stop());

const pods = () => h.cluster.context.informer<Pod>('', 'pods').list('default');
const rsNamed = (name: string) => h.cluster.context.informer<ReplicaSet>('apps', 'replicasets').get('default', name);
const events = () => h.cluster.context.informer<Event>('', 'events').list('default');

function replicaSet(name: string, replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: 'web' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

const scale = (name: string, replicas: number) =>
  h.client.update<ReplicaSet>('apps', 'replicasets', 'default', name, (rs) => {
    rs.spec!.replicas = replicas;
  });

describe('ReplicaSet controller', () => {
  it('creates the pods from the template, owned by the ReplicaSet, and reports them', async () => {
    const rs = await h.client.create<ReplicaSet>('apps', 'replicasets', 'default', replicaSet('web', 3));
    const st = await h.until(() => {
      const s = rsNamed('web')?.status;
      return s?.availableReplicas === 3 && s;
    }, 'three available replicas');
    expect(st).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const owned = pods();
    expect(owned).toHaveLength(3);
    for (const p of owned) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'web' });
      expect(p.metadata.annotations).toEqual({ note: 'x' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    await h.until(() => events().filter((e) => e.reason === 'SuccessfulCreate').length === 3, 'three events');
    expect(events().map((e) => e.message).sort()).toEqual(owned.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it('replaces a deleted pod', async () => {
    await h.client.create('apps', 'replicasets', 'default', replicaSet('web', 2));
    await h.until(() => rsNamed('web')?.status?.readyReplicas === 2, 'two ready pods');
    const [victim] = pods();
    await h.client.delete('', 'pods', 'default', victim!.metadata.name!);
    await h.until(() => pods().length === 2 && !pods().some((p) => p.metadata.uid === victim!.metadata.uid), 'a replacement');
  });

  it('scales down by deleting not-ready pods before ready ones', async () => {
    await h.client.create('apps', 'replicasets', 'default', replicaSet('web', 2));
    await h.until(() => rsNamed('web')?.status?.readyReplicas === 2, 'two ready');
    h.node.autoReady = false;
    await scale('web', 3);
    const unready = await h.until(() => pods().find((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'False')), 'an unready pod');
    await scale('web', 2);
    await h.until(() => pods().length === 2, 'two pods');
    expect(pods().map((p) => p.metadata.uid)).not.toContain(unready.metadata.uid);
    await h.until(() => events().some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted pod: ${unready.metadata.name}`), 'the delete event');
  });

  it('adopts a matching orphan instead of creating, and releases a pod that stops matching', async () => {
    const orphan: Pod = { metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    await h.client.create('', 'pods', 'default', orphan);
    const rs = await h.client.create<ReplicaSet>('apps', 'replicasets', 'default', replicaSet('web', 1));
    const adopted = await h.until(() => {
      const p = h.cluster.context.informer<Pod>('', 'pods').get('default', 'stray');
      return p?.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid && p;
    }, 'adoption');
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    await h.until(() => rsNamed('web')?.status?.replicas === 1, 'status');
    expect(pods()).toHaveLength(1);

    await h.client.update<Pod>('', 'pods', 'default', 'stray', (p) => {
      p.metadata.labels = { app: 'other' };
    });
    const released = await h.until(() => {
      const p = h.cluster.context.informer<Pod>('', 'pods').get('default', 'stray') as Kube<Pod> | undefined;
      return p && !p.metadata.ownerReferences && p;
    }, 'release');
    expect(released.metadata.labels).toEqual({ app: 'other' });
    await h.until(() => pods().filter((p) => p.metadata.labels?.app === 'web').length === 1, 'a replacement for the released pod');
  });

  it('counts fully labeled replicas against the template labels', async () => {
    await h.client.create('', 'pods', 'default', { metadata: { name: 'partial', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await h.client.create('apps', 'replicasets', 'default', replicaSet('web', 2));
    const st = await h.until(() => {
      const s = rsNamed('web')?.status;
      return s?.replicas === 2 && s.readyReplicas === 2 && s;
    }, 'two replicas');
    expect(st.fullyLabeledReplicas).toBe(1);
  });
});
