// The StatefulSet controller's sync on fakes, as stateful_set_test.go: a StatefulSet seeded, a
// number of rounds played first (a sync, then its pods bound, Running and Ready, as the
// scheduler and kubelet would make them), a change, then one sync(key): the client's actions,
// the events and the status written.
import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { FakeContext } from '../../../test/support/controller-fakes';
import { StatefulSetController } from './statefulset-controller';

const NS = 'default';
const KEY = `${NS}/web`;
const STATUS = `update-status statefulsets.apps ${KEY}`;

function webSet(spec: Partial<StatefulSetSpec> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: NS, generation: 1 },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      ...spec,
    },
  };
}

/** Rounds of a sync whose new pods then run (the scheduler's and kubelet's part). */
async function play(ctx: FakeContext, controller: StatefulSetController, rounds: number): Promise<void> {
  const pods = ctx.informer<Pod>('', 'pods');
  for (let i = 0; i < rounds; i++) {
    await controller.sync(KEY);
    for (const p of pods.list(NS)) {
      if (p.status?.phase === 'Running') continue;
      const ready = { type: 'Ready', status: 'True', lastTransitionTime: '2025-12-31T00:00:00Z' };
      pods.set({ ...p, spec: { ...p.spec!, nodeName: 'wrk1' }, status: { phase: 'Running', conditions: [ready] } } as Kube<Pod>);
    }
  }
  ctx.fakeClient.actions.length = 0;
  ctx.fakeRecorder.events.length = 0;
}

/** A spec change as the API server makes it: the status kept, the generation bumped. */
function changeSpec(ctx: FakeContext, spec: Partial<StatefulSetSpec>): void {
  const sets = ctx.informer<StatefulSet>('apps', 'statefulsets');
  const cur = sets.get(NS, 'web')!;
  sets.set({ ...cur, metadata: { ...cur.metadata, generation: (cur.metadata.generation ?? 1) + 1 }, spec: { ...cur.spec!, ...spec } });
}

const NEW_TEMPLATE = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } };

interface Row {
  name: string;
  set: StatefulSet;
  /** Rounds played before the sync under test. */
  rounds?: number;
  change?: (ctx: FakeContext) => void;
  actions: string[];
  events?: string[];
  status?: object;
}

const REV1 = 'web-59f8f84cd4';
const REV2 = 'web-7fb6cc577';
const created = (pod: string) => `Normal SuccessfulCreate create Pod ${pod} in StatefulSet web successful`;
const deleted = (pod: string) => `Normal SuccessfulDelete delete Pod ${pod} in StatefulSet web successful`;

const rows: Row[] = [
  {
    name: 'records the template as a revision and creates web-0 only (OrderedReady)',
    set: webSet(),
    actions: [`create controllerrevisions.apps ${NS}/${REV1}`, `create pods ${NS}/web-0`, STATUS],
    events: [created('web-0')],
    status: { observedGeneration: 1, replicas: 0, currentRevision: REV1, updateRevision: REV1 },
  },
  {
    name: 'creates web-1 once web-0 runs and is Ready',
    set: webSet(),
    rounds: 1,
    actions: [`create pods ${NS}/web-1`, STATUS],
    events: [created('web-1')],
    status: { replicas: 1, readyReplicas: 1, currentReplicas: 1, availableReplicas: 1 },
  },
  {
    name: 'nothing to do once every pod runs',
    set: webSet(),
    rounds: 3,
    actions: [],
  },
  {
    name: 'Parallel: all pods at once',
    set: webSet({ podManagementPolicy: 'Parallel', replicas: 3 }),
    actions: [`create controllerrevisions.apps ${NS}/${REV1}`, `create pods ${NS}/web-0`, `create pods ${NS}/web-1`, `create pods ${NS}/web-2`, STATUS],
    events: [created('web-0'), created('web-1'), created('web-2')],
  },
  {
    name: 'ordinals.start names the first pod',
    set: webSet({ ordinals: { start: 5 } }),
    actions: [`create controllerrevisions.apps ${NS}/${REV1}`, `create pods ${NS}/web-5`, STATUS],
    events: [created('web-5')],
  },
  {
    name: 'a claim per volumeClaimTemplate before the pod',
    set: webSet({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }),
    actions: [`create controllerrevisions.apps ${NS}/${REV1}`, `create persistentvolumeclaims ${NS}/www-web-0`, `create pods ${NS}/web-0`, STATUS],
    events: ['Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success', created('web-0')],
  },
  {
    name: 'scales down from the highest ordinal, one pod at a time',
    set: webSet({ replicas: 3 }),
    rounds: 4,
    change: (ctx) => changeSpec(ctx, { replicas: 1 }),
    actions: [`delete pods ${NS}/web-2`, STATUS],
    events: [deleted('web-2')],
    status: { observedGeneration: 2, replicas: 3 },
  },
  {
    name: 'recreates a deleted pod with the same name',
    set: webSet(),
    rounds: 3,
    change: (ctx) => ctx.informer('', 'pods').remove(NS, 'web-0'),
    actions: [`create pods ${NS}/web-0`, STATUS],
    events: [created('web-0')],
    status: { replicas: 1 },
  },
  {
    name: 'a new template: a new revision, and the highest ordinal goes first',
    set: webSet(),
    rounds: 3,
    change: (ctx) => changeSpec(ctx, { template: NEW_TEMPLATE }),
    actions: [`create controllerrevisions.apps ${NS}/${REV2}`, `delete pods ${NS}/web-1`, STATUS],
    events: [deleted('web-1')],
    status: { observedGeneration: 2, currentReplicas: 1, updatedReplicas: 0, currentRevision: REV1, updateRevision: REV2 },
  },
  {
    name: 'a partition: only ordinals at or above it roll',
    set: webSet({ replicas: 3 }),
    rounds: 4,
    change: (ctx) => changeSpec(ctx, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }, template: NEW_TEMPLATE }),
    actions: [`create controllerrevisions.apps ${NS}/${REV2}`, `delete pods ${NS}/web-2`, STATUS],
    events: [deleted('web-2')],
    status: { currentReplicas: 2, currentRevision: REV1, updateRevision: REV2 },
  },
];

describe('StatefulSet controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(row.set);
    const controller = new StatefulSetController(ctx);
    if (row.rounds) await play(ctx, controller, row.rounds);
    row.change?.(ctx);
    await controller.sync(KEY);
    controller.stop();
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
  });
});
