import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { ReplicaSetController } from '../replicaset/replica-controller';
import { startHarness, type Harness } from '../../../test/support/workload-harness';
import { DeploymentController } from './deployment-controller';
import { equalIgnoreHash } from './replica-sets';

let h: Harness;
afterEach(() => h?.stop());
const start = async (ready = true) => {
  h = await startHarness((c) => [new ReplicaSetController(c.context), new DeploymentController(c.context)], { ready });
};

const dep = () => h.cluster.context.informer<Deployment>('apps', 'deployments').get('default', 'web')!;
const sets = () => h.cluster.context.informer<ReplicaSet>('apps', 'replicasets').list('default');
const pods = () => h.cluster.context.informer<Pod>('', 'pods').list('default');
const events = () => h.cluster.context.informer<Event>('', 'events').list('default');
const rev = (o: { metadata?: { annotations?: Record<string, string> } }) => o.metadata?.annotations?.['deployment.kubernetes.io/revision'];

/** What `kubectl create deployment web --image=nginx:1.8 --replicas=N` sends. */
function deployment(replicas: number, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      strategy: {},
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.8', resources: {} }] } },
      ...extra,
    },
  };
}

const setImage = (image: string) =>
  h.client.update<Deployment>('apps', 'deployments', 'default', 'web', (d) => {
    d.spec!.template.spec!.containers[0]!.image = image;
  });

/** The rollout is done as kubectl rollout status decides it. */
const rolledOut = (replicas: number) =>
  h.until(() => {
    const d = dep();
    const s = d.status;
    return (
      (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
      s?.updatedReplicas === replicas &&
      s.replicas === replicas &&
      s.availableReplicas === replicas &&
      s.conditions?.find((c) => c.type === 'Progressing')?.reason === 'NewReplicaSetAvailable' &&
      d
    );
  }, `rollout of ${replicas}`);

// Whole-cluster stories; the controller's cases one by one are on fakes in deployment-sync.test.ts.
describe('Deployment controller', () => {
  it('creates a ReplicaSet named by the template hash, with the template, revision and replica annotations', async () => {
    await start();
    await h.client.create('apps', 'deployments', 'default', deployment(3));
    const d = await rolledOut(3);
    const [rs] = sets() as Kube<ReplicaSet>[];
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec!.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(equalIgnoreHash(rs!.spec!.template, d.spec!.template)).toBe(true);
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rev(d)).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`],
    ]);
    expect(events().map((e) => e.message)).toContain(`Scaled up replica set ${rs!.metadata.name} from 0 to 3`);
    expect(pods().every((p) => p.metadata.labels?.['pod-template-hash'] === hash)).toBe(true);
  });

  it('rolls out a new template, keeps the old ReplicaSet at zero, and rolls back to it with a new revision', async () => {
    await start();
    await h.client.create('apps', 'deployments', 'default', { ...deployment(3), metadata: { name: 'web', annotations: { 'kubernetes.io/change-cause': 'first' } } });
    await rolledOut(3);
    const first = sets()[0]!;
    await h.client.update<Deployment>('apps', 'deployments', 'default', 'web', (d) => {
      d.spec!.template.spec!.containers[0]!.image = 'nginx:1.15';
      d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'second' };
    });
    const d = await h.until(() => {
      const x = dep();
      return rev(x) === '2' && x.spec?.template.spec?.containers[0]?.image === 'nginx:1.15' ? x : undefined;
    }, 'revision 2');
    await rolledOut(3);
    const second = sets().find((rs) => rs.metadata.uid !== first.metadata.uid)!;
    expect(rev(second)).toBe('2');
    expect(second.metadata.annotations?.['kubernetes.io/change-cause']).toBe('second');
    expect(h.cluster.context.informer<ReplicaSet>('apps', 'replicasets').get('default', first.metadata.name!)?.spec?.replicas).toBe(0);
    expect(pods().every((p) => p.spec?.containers[0]?.image === 'nginx:1.15')).toBe(true);
    expect(d.metadata.uid).toBeDefined();
    // Rolling never dropped below 3 - 25% (rounded down: 0) unavailable nor above 3 + 25% (rounded up: 1).
    const scaled = events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(scaled).toContain(`Scaled up replica set ${second.metadata.name} from 0 to 1`);
    expect(scaled).toContain(`Scaled down replica set ${first.metadata.name} from 3 to 2`);

    // kubectl rollout undo: the old template back (without the hash).
    await setImage('nginx:1.8');
    await h.until(() => rev(dep()) === '3' || undefined, 'revision 3');
    await rolledOut(3);
    const back = h.cluster.context.informer<ReplicaSet>('apps', 'replicasets').get('default', first.metadata.name!)!;
    expect(rev(back)).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back.spec?.replicas).toBe(3);
    expect(sets()).toHaveLength(2);
  });

  it('reports ProgressDeadlineExceeded when pods never become available', async () => {
    await start(false);
    await h.client.create('apps', 'deployments', 'default', deployment(1, { progressDeadlineSeconds: 1 }));
    const d = await h.until(() => {
      const c = dep().status?.conditions?.find((x) => x.type === 'Progressing');
      return c?.reason === 'ProgressDeadlineExceeded' && dep();
    }, 'deadline');
    const rs = sets()[0]!;
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
    expect(d.status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(d.status?.unavailableReplicas).toBe(1);
  });
});
