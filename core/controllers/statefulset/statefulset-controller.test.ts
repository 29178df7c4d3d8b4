import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { StatefulSetController } from './statefulset-controller';
import { bind, createNode, makeReady, removePod } from '../../../test/support/workload-fixture';

const NS = 'default';

function webSet(extra: Partial<StatefulSet['spec']> = {}): StatefulSet {
  return {
    metadata: { name: 'web', namespace: NS },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...extra,
    },
  };
}

let t: TestCluster;
let controller: StatefulSetController;

beforeEach(async () => {
  t = await startTestCluster();
  await createNode(t, 'wrk1');
  controller = new StatefulSetController(t.cluster.context);
  controller.start();
});

afterEach(async () => {
  controller.stop();
  await t.stop();
});

const pod = (name: string) => t.pods(NS).find((p) => p.metadata.name === name);
const podNames = () => t.pods(NS).map((p) => p.metadata.name).sort();
const set = () => t.cluster.registry.storeFor('apps', 'statefulsets')!.find(NS, 'web')!.object as Kube<StatefulSet>;
const revisions = () =>
  t.cluster.registry.storeFor('apps', 'controllerrevisions')!.list({ namespace: NS }).items.map((c) => c.object as Kube<ControllerRevision>);

/** Plays scheduler and kubelet for the named pod once it exists. */
async function run(name: string): Promise<Kube<Pod>> {
  const p = await t.waitFor(() => pod(name), `pod ${name}`);
  await bind(t, p, 'wrk1');
  await makeReady(t, p);
  return p;
}

/** Plays the kubelet for a pod being deleted. */
async function finishDeletion(name: string): Promise<void> {
  const p = await t.waitFor(() => (pod(name)?.metadata.deletionTimestamp ? pod(name) : undefined), `${name} terminating`);
  await removePod(t, p);
}

// Whole-cluster stories; the controller's cases one by one are on fakes in statefulset-sync.test.ts.
describe('StatefulSetController', () => {
  it('creates web-0, waits for it to be Running and Ready, then creates web-1', async () => {
    await t.client.create('apps', 'statefulsets', NS, webSet());
    const web0 = await t.waitFor(() => pod('web-0'), 'web-0');
    expect(pod('web-1')).toBeUndefined();
    expect(web0.metadata.labels).toMatchObject({
      app: 'nginx',
      'statefulset.kubernetes.io/pod-name': 'web-0',
      'apps.kubernetes.io/pod-index': '0',
    });
    expect(web0.metadata.labels!['controller-revision-hash']).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(web0.metadata.generateName).toBe('web-');
    expect(web0.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(web0.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set().metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    await bind(t, web0, 'wrk1');
    expect(pod('web-1')).toBeUndefined();
    await makeReady(t, web0);
    await run('web-1');
    const s = await t.waitFor(() => set().status?.readyReplicas === 2 && set().status, 'ready status');
    expect(s).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    expect(s.currentRevision).toBe(s.updateRevision);
    const events = await t.waitFor(() => {
      const all = t.events(NS, 'web').filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message);
      return all.length === 2 ? all.sort() : undefined;
    }, 'create events');
    expect(events).toEqual(['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful']);
  });

  it('records the template as a ControllerRevision named <set>-<hash> with the hash label on it and on the pods', async () => {
    await t.client.create('apps', 'statefulsets', NS, webSet({ replicas: 1 }));
    const p = await t.waitFor(() => pod('web-0'), 'web-0');
    const [cr] = revisions();
    expect(cr).toBeDefined();
    const hash = cr!.metadata.labels!['controller.kubernetes.io/hash'];
    expect(cr!.metadata.name).toBe(`web-${hash}`);
    expect(cr!.revision).toBe(1);
    expect(cr!.metadata.labels!.app).toBe('nginx');
    expect(cr!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    expect(cr!.data).toMatchObject({ spec: { template: { $patch: 'replace', metadata: { labels: { app: 'nginx' } } } } });
    expect(p.metadata.labels!['controller-revision-hash']).toBe(cr!.metadata.name);
  });

  it('creates a claim per volumeClaimTemplate before the pod and mounts it', async () => {
    await t.client.create(
      'apps',
      'statefulsets',
      NS,
      webSet({
        replicas: 1,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      }),
    );
    const p = await t.waitFor(() => pod('web-0'), 'web-0');
    const pvc = t.cluster.registry.storeFor('', 'persistentvolumeclaims')!.find(NS, 'www-web-0')?.object as Kube<PersistentVolumeClaim> | undefined;
    expect(pvc?.metadata.labels).toEqual({ app: 'nginx' });
    expect(p.spec!.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const claimEvent = await t.waitFor(() => t.events(NS, 'web').find((e) => e.message?.startsWith('create Claim')), 'claim event');
    expect(claimEvent.message).toBe('create Claim www-web-0 Pod web-0 in StatefulSet web success');
    // whenDeleted=Delete: the set controls the claim, so the garbage collector removes it with the set.
    const owned = await t.waitFor(() => {
      const c = t.cluster.registry.storeFor('', 'persistentvolumeclaims')!.find(NS, 'www-web-0')?.object as Kube<PersistentVolumeClaim>;
      return c.metadata.ownerReferences?.length ? c : undefined;
    }, 'claim owner');
    expect(owned.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set().metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('scales down from the highest ordinal, one pod at a time', async () => {
    await t.client.create('apps', 'statefulsets', NS, webSet({ replicas: 3 }));
    for (const n of ['web-0', 'web-1', 'web-2']) await run(n);
    await t.waitFor(() => set().status?.readyReplicas === 3, 'three ready');
    await t.client.update<StatefulSet>('apps', 'statefulsets', NS, 'web', (s) => {
      s.spec!.replicas = 1;
    });
    await t.waitFor(() => pod('web-2')?.metadata.deletionTimestamp, 'web-2 terminating');
    expect(pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();
    await finishDeletion('web-2');
    await finishDeletion('web-1');
    await t.waitFor(() => podNames().length === 1, 'one pod left');
    expect(podNames()).toEqual(['web-0']);
  });

  it('rolls pods at or above the partition to the new revision, highest ordinal first', async () => {
    await t.client.create('apps', 'statefulsets', NS, webSet({ replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    for (const n of ['web-0', 'web-1', 'web-2']) await run(n);
    const first = await t.waitFor(() => set().status?.readyReplicas === 3 && set().status!.currentRevision, 'ready');
    await t.client.update<StatefulSet>('apps', 'statefulsets', NS, 'web', (s) => {
      s.spec!.template.spec!.containers[0]!.image = 'nginx:1.26';
    });
    await t.waitFor(() => pod('web-2')?.metadata.deletionTimestamp, 'web-2 terminating');
    expect(pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();
    await finishDeletion('web-2');
    const web2 = await run('web-2');
    expect(web2.spec!.containers[0]!.image).toBe('nginx:1.26');
    await finishDeletion('web-1');
    const web1 = await run('web-1');
    expect(web1.spec!.containers[0]!.image).toBe('nginx:1.26');
    const s = await t.waitFor(() => set().status?.updatedReplicas === 2 && set().status?.readyReplicas === 3 && set().status, 'partitioned rollout');
    expect(pod('web-0')!.spec!.containers[0]!.image).toBe('nginx:1.25');
    expect(pod('web-0')!.metadata.labels!['controller-revision-hash']).toBe(first);
    expect(s).toMatchObject({ currentRevision: first, currentReplicas: 1, updatedReplicas: 2 });
    expect(s.updateRevision).not.toBe(first);
    expect(revisions().map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});
