// The Deployment controller's sync on fakes, as deployment_controller_test.go and the rolling
// and recreate tests: a Deployment and its ReplicaSets seeded, one sync(key), the client's
// actions, the events, the ReplicaSets' sizes after it and the status written.
import type { Deployment, DeploymentSpec, DeploymentStatus, ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { alreadyExists } from '../../machinery/status';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import { DeploymentController } from './deployment-controller';
import { computeHash } from './hash';

const template = (image: string): PodTemplateSpec => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } });
const V1 = template('nginx:1');
const V2 = template('nginx:2');
const nameOf = (t: PodTemplateSpec) => `web-${computeHash(t)}`;

function deployment(replicas: number, spec: Partial<DeploymentSpec> = {}, status?: DeploymentStatus): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation: 1, labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: V2,
      // As the API server defaults them.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

const OWNER = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true };

/** A ReplicaSet of the Deployment (of 3 replicas, at the time) for template t at revision, its pods all available. */
function replicaSet(t: PodTemplateSpec, revision: number, replicas: number, opts: { owned?: boolean; status?: ReplicaSetStatus } = {}): ReplicaSet {
  const hash = computeHash(t);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: nameOf(t),
      namespace: 'default',
      generation: 1,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
      ...(opts.owned === false ? {} : { ownerReferences: [OWNER] }),
      creationTimestamp: `2025-12-31T00:0${revision}:00Z`,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { ...t, metadata: { labels: { ...t.metadata!.labels, 'pod-template-hash': hash } } },
    },
    status: opts.status ?? { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

const OLD = nameOf(V1);
const NEW = nameOf(V2);
const STATUS = 'update-status deployments.apps default/web';
const cond = (type: string, status: string, reason: string) => ({ type, status, reason });
const AVAILABLE = cond('Available', 'True', 'MinimumReplicasAvailable');
const UNAVAILABLE = cond('Available', 'False', 'MinimumReplicasUnavailable');
const COMPLETE: DeploymentStatus = { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 };

interface Row {
  name: string;
  objects: object[];
  fail?: Array<[Verb, string, Error?]>;
  actions: string[];
  events?: string[];
  /** spec.replicas of every ReplicaSet after the sync, by name. */
  replicaSets: Record<string, number>;
  /** The last status written (matched: conditions carry times and messages). */
  status?: object;
  error?: string;
}

const rows: Row[] = [
  {
    name: 'creates the new ReplicaSet, named by the template hash, at full size when nothing else runs',
    objects: [deployment(3)],
    actions: [`create replicasets.apps default/${NEW}`, STATUS, STATUS, STATUS],
    events: [`Normal ScalingReplicaSet Scaled up replica set ${NEW} from 0 to 3`],
    replicaSets: { [NEW]: 3 },
    status: { observedGeneration: 1, unavailableReplicas: 3, conditions: [cond('Progressing', 'True', 'NewReplicaSetCreated'), UNAVAILABLE] },
  },
  {
    name: 'a complete rollout: no ReplicaSet changes, only the revision and status',
    objects: [deployment(3, { template: V1 }, COMPLETE), replicaSet(V1, 1, 3)],
    actions: [STATUS, STATUS, STATUS],
    replicaSets: { [OLD]: 3 },
    status: { ...COMPLETE, conditions: [AVAILABLE, cond('Progressing', 'True', 'NewReplicaSetAvailable')] },
  },
  {
    name: 'rolling update: starts the new ReplicaSet within maxSurge',
    objects: [deployment(3), replicaSet(V1, 1, 3)],
    actions: [`create replicasets.apps default/${NEW}`, STATUS, STATUS, STATUS],
    events: [`Normal ScalingReplicaSet Scaled up replica set ${NEW} from 0 to 1`],
    replicaSets: { [OLD]: 3, [NEW]: 1 },
    status: { replicas: 3, availableReplicas: 3, unavailableReplicas: 1, conditions: [AVAILABLE, cond('Progressing', 'True', 'ReplicaSetUpdated')] },
  },
  {
    name: 'rolling update: scales the old ReplicaSet down as new pods become available',
    objects: [deployment(3), replicaSet(V1, 1, 3), replicaSet(V2, 2, 1)],
    actions: [STATUS, STATUS, `update replicasets.apps default/${OLD}`, STATUS],
    events: [`Normal ScalingReplicaSet Scaled down replica set ${OLD} from 3 to 2`],
    replicaSets: { [OLD]: 2, [NEW]: 1 },
    status: { replicas: 4, updatedReplicas: 1, availableReplicas: 4 },
  },
  {
    name: 'rolling update: waits while the new pods are unavailable (maxUnavailable 0 of 3)',
    objects: [deployment(3), replicaSet(V1, 1, 3), replicaSet(V2, 2, 1, { status: { replicas: 1 } })],
    actions: [STATUS, STATUS, STATUS],
    replicaSets: { [OLD]: 3, [NEW]: 1 },
    status: { replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 },
  },
  {
    name: 'rolling update: retires the last old pod',
    objects: [deployment(3), replicaSet(V1, 1, 1), replicaSet(V2, 2, 3)],
    actions: [STATUS, STATUS, `update replicasets.apps default/${OLD}`, STATUS],
    events: [`Normal ScalingReplicaSet Scaled down replica set ${OLD} from 1 to 0`],
    replicaSets: { [OLD]: 0, [NEW]: 3 },
  },
  {
    name: 'paused: no new ReplicaSet, Progressing Unknown',
    objects: [deployment(3, { paused: true }), replicaSet(V1, 1, 3)],
    actions: [STATUS, STATUS],
    replicaSets: { [OLD]: 3 },
    status: { replicas: 3, conditions: [cond('Progressing', 'Unknown', 'DeploymentPaused'), AVAILABLE] },
  },
  {
    name: 'Recreate: scales the old ReplicaSet to zero first',
    objects: [deployment(3, { strategy: { type: 'Recreate' } }), replicaSet(V1, 1, 3)],
    actions: [`update replicasets.apps default/${OLD}`, STATUS],
    events: [`Normal ScalingReplicaSet Scaled down replica set ${OLD} from 3 to 0`],
    replicaSets: { [OLD]: 0 },
  },
  {
    name: 'Recreate: creates the new ReplicaSet once no old pod is left',
    objects: [deployment(3, { strategy: { type: 'Recreate' } }), replicaSet(V1, 1, 0)],
    actions: [`create replicasets.apps default/${NEW}`, STATUS, STATUS, STATUS],
    events: [`Normal ScalingReplicaSet Scaled up replica set ${NEW} from 0 to 3`],
    replicaSets: { [OLD]: 0, [NEW]: 3 },
  },
  {
    name: 'adopts an orphan ReplicaSet its selector matches',
    objects: [deployment(3, { template: V1 }), replicaSet(V1, 1, 3, { owned: false })],
    actions: [`update replicasets.apps default/${OLD}`, STATUS, STATUS, STATUS],
    replicaSets: { [OLD]: 3 },
  },
  {
    name: 'scaling event: resizes the current ReplicaSet',
    objects: [deployment(6, { template: V1 }), replicaSet(V1, 1, 3)],
    actions: [STATUS, STATUS, `update replicasets.apps default/${OLD}`, STATUS],
    events: [`Normal ScalingReplicaSet Scaled up replica set ${OLD} from 3 to 6`],
    replicaSets: { [OLD]: 6 },
  },
  {
    name: 'scaling event mid-rollout: proportional, up to replicas plus maxSurge',
    objects: [deployment(6), replicaSet(V1, 1, 2), replicaSet(V2, 2, 2)],
    actions: [STATUS, STATUS, `update replicasets.apps default/${NEW}`, `update replicasets.apps default/${OLD}`, STATUS],
    events: [`Normal ScalingReplicaSet Scaled up replica set ${NEW} from 2 to 4`, `Normal ScalingReplicaSet Scaled up replica set ${OLD} from 2 to 4`],
    replicaSets: { [OLD]: 4, [NEW]: 4 },
  },
  {
    name: 'keeps revisionHistoryLimit old ReplicaSets once the rollout is complete',
    objects: [
      deployment(3, { revisionHistoryLimit: 1 }, COMPLETE),
      replicaSet(template('a'), 1, 0),
      replicaSet(V1, 2, 0),
      replicaSet(template('b'), 3, 0),
      replicaSet(V2, 4, 3),
    ],
    actions: [STATUS, STATUS, `delete replicasets.apps default/${nameOf(template('a'))}`, `delete replicasets.apps default/${OLD}`, STATUS],
    replicaSets: { [nameOf(template('b'))]: 0, [NEW]: 3 },
  },
  {
    name: 'selecting all pods: a warning, nothing else',
    objects: [deployment(3, { selector: {} })],
    actions: [STATUS],
    events: ['Warning SelectingAll This deployment is selecting all pods. A non-empty selector is required.'],
    replicaSets: {},
    status: { observedGeneration: 1 },
  },
  {
    name: 'a hash collision (AlreadyExists, not ours) bumps collisionCount and fails the sync',
    objects: [deployment(3)],
    fail: [['create', 'replicasets.apps', alreadyExists({ group: 'apps', plural: 'replicasets' }, NEW)]],
    actions: [`create replicasets.apps default/${NEW}`, STATUS],
    replicaSets: {},
    status: { collisionCount: 1 },
    error: 'already exists',
  },
  {
    name: 'a failed create: ReplicaSetCreateError condition and event, and the sync fails',
    objects: [deployment(3)],
    fail: [['create', 'replicasets.apps']],
    actions: [`create replicasets.apps default/${NEW}`, STATUS],
    events: [`Warning ReplicaSetCreateError Failed to create new replica set "${NEW}": injected create replicasets.apps failure`],
    replicaSets: {},
    status: { conditions: [cond('Progressing', 'False', 'ReplicaSetCreateError')] },
    error: 'injected create replicasets.apps failure',
  },
];

describe('Deployment controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    for (const [verb, resource, error] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource, error);
    const sync = new DeploymentController(ctx).sync('default/web');
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    const sets = ctx.informer<ReplicaSet>('apps', 'replicasets').list('default');
    expect(Object.fromEntries(sets.map((rs) => [rs.metadata.name, rs.spec?.replicas]))).toEqual(row.replicaSets);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
  });
});
