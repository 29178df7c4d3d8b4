// The disruption controller's sync on fakes, as disruption_test.go: a PodDisruptionBudget, pods
// and their controllers seeded, one sync(key), the status written and the events.
import type { PodDisruptionBudget, PodDisruptionBudgetSpec, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { FakeContext } from '../../../test/support/controller-fakes';
import { DisruptionController } from './disruption-controller';

const NS = 'default';
const NOW = '2026-01-01T00:00:00Z';

function budget(spec: Partial<PodDisruptionBudgetSpec>, status?: PodDisruptionBudgetStatus): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'budget', namespace: NS, generation: 1 },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
    ...(status ? { status } : {}),
  };
}

const RS_OWNER = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'uid-web', controller: true };
const replicaSet = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: NS },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

function pod(name: string, ready: boolean, owned = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: 'web' }, ...(owned ? { ownerReferences: [RS_OWNER] } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

const allowed = (status: 'True' | 'False', reason: string) => ({ type: 'DisruptionAllowed', status, reason, observedGeneration: 1 });
const STATUS = `update-status poddisruptionbudgets.policy ${NS}/budget`;
const secondsAgo = (s: number) => new Date(Date.parse(NOW) - s * 1000).toISOString().replace('.000Z', 'Z');

interface Row {
  name: string;
  objects: object[];
  actions: string[];
  /** The events, or matchers of them. */
  events?: unknown[];
  status?: object;
}

const rows: Row[] = [
  {
    name: 'minAvailable: counts the healthy matching pods against the number',
    objects: [budget({ minAvailable: 1 }), pod('a', true), pod('b', true), pod('c', false)],
    actions: [STATUS],
    status: { currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1, conditions: [allowed('True', 'SufficientPods')] },
  },
  {
    name: 'minAvailable met exactly: no disruption allowed',
    objects: [budget({ minAvailable: 2 }), pod('a', true), pod('b', true), pod('c', false)],
    actions: [STATUS],
    status: { currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, conditions: [allowed('False', 'InsufficientPods')] },
  },
  {
    name: 'maxUnavailable as a percentage: taken of the controller scale, rounded up',
    objects: [budget({ maxUnavailable: '30%' }), replicaSet(4), pod('a', true, true), pod('b', true, true), pod('c', true, true), pod('d', true, true)],
    actions: [STATUS],
    status: { currentHealthy: 4, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 2 },
  },
  {
    name: 'a pod without a controller fails a percentage budget safe',
    objects: [budget({ minAvailable: '50%' }), pod('a', true)],
    actions: [STATUS],
    events: [expect.stringMatching(/^Warning CalculateExpectedPodCountFailed Failed to calculate the number of expected pods: .*found no controllers for pod "a"/)],
    status: { disruptionsAllowed: 0, conditions: [allowed('False', 'SyncFailed')] },
  },
  {
    name: 'no matching pods: an event, nothing allowed',
    objects: [budget({ minAvailable: 1 })],
    actions: [STATUS],
    events: ['Normal NoPods No matching pods found'],
    status: { currentHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 },
  },
  {
    name: 'an evicted pod is held as disrupted until the deletion timeout',
    objects: [budget({ minAvailable: 1 }, { disruptedPods: { b: secondsAgo(10) }, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 0 }), pod('a', true), pod('b', true)],
    actions: [STATUS],
    status: { disruptedPods: { b: secondsAgo(10) }, currentHealthy: 1, disruptionsAllowed: 0 },
  },
  {
    name: 'past the deletion timeout it counts again',
    objects: [budget({ minAvailable: 1 }, { disruptedPods: { b: secondsAgo(180) }, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 0 }), pod('a', true), pod('b', true)],
    actions: [STATUS],
    status: { currentHealthy: 2, disruptionsAllowed: 1 },
  },
  {
    name: 'does nothing for a budget that is gone',
    objects: [pod('a', true)],
    actions: [],
  },
];

describe('disruption controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext();
    ctx.seed(...row.objects);
    const controller = new DisruptionController(ctx);
    await controller.sync(`${NS}/budget`);
    controller.stop(); // the recheck at the deletion timeout
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    const written = ctx.fakeClient.actions.at(-1)?.object?.status as PodDisruptionBudgetStatus | undefined;
    if (row.status) expect(written).toMatchObject(row.status);
  });
});
