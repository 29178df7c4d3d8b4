import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

// Whole-cluster stories; the controller's logic is tested on fakes in replica-sync.test.ts.
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
});
