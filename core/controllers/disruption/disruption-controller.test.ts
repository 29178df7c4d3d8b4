import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { DELETION_TIMEOUT_MS, DisruptionController } from './disruption-controller';

const NS = 'default';
let t: TestCluster;
let controller: DisruptionController;

beforeEach(async () => {
  t = await startTestCluster();
  controller = new DisruptionController(t.cluster.context);
  controller.start();
});
afterEach(async () => {
  controller.stop();
  await t.stop();
});

const pdb = () => t.cluster.registry.storeFor('policy', 'poddisruptionbudgets')!.find(NS, 'budget')?.object as Kube<PodDisruptionBudget> | undefined;

async function pod(name: string, ready: boolean): Promise<void> {
  await t.client.create<Pod>('', 'pods', NS, {
    metadata: { name, labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
  await t.client.updateStatus<Pod>('', 'pods', NS, name, (p) => {
    p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: timestamp(t.clock.now()) }] };
  });
}

const budget = (spec: Partial<PodDisruptionBudget['spec']>) =>
  t.client.create<PodDisruptionBudget>('policy', 'poddisruptionbudgets', NS, { metadata: { name: 'budget' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } });

// Whole-cluster stories; the controller's cases one by one are on fakes in disruption-sync.test.ts.
describe('DisruptionController', () => {
  it('minAvailable: counts healthy matching pods against the number', async () => {
    await pod('a', true);
    await pod('b', true);
    await pod('c', false);
    await budget({ minAvailable: 1 });
    const b = await t.waitFor(() => (pdb()?.status?.observedGeneration ? pdb() : undefined), 'status');
    expect(b.status).toMatchObject({ currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1 });
    expect(b.status!.conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1 }),
    ]);
    await t.client.delete('', 'pods', NS, 'a');
    await t.waitFor(() => pdb()?.status?.disruptionsAllowed === 0, 'no disruption left');
    expect(pdb()!.status!.conditions![0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('holds an evicted pod as disrupted until the deletion timeout', async () => {
    await pod('a', true);
    await pod('b', true);
    await budget({ minAvailable: 1 });
    await t.waitFor(() => pdb()?.status?.disruptionsAllowed === 1, 'status');
    // What the eviction API writes before deleting the pod.
    await t.client.updateStatus<PodDisruptionBudget>('policy', 'poddisruptionbudgets', NS, 'budget', (b) => {
      b.status = { ...b.status!, disruptionsAllowed: 0, disruptedPods: { a: timestamp(t.clock.now()) } };
    });
    await t.waitFor(() => pdb()?.status?.currentHealthy === 1, 'a counted as disrupted');
    expect(pdb()!.status).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { a: expect.any(String) } });
    t.clock.advance(DELETION_TIMEOUT_MS + 1000);
    await t.waitFor(() => pdb()?.status?.currentHealthy === 2, 'disruption expired');
    expect(pdb()!.status!.disruptedPods).toBeUndefined();
  });
});
