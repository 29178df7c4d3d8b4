import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Kube } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import { memoryRegistry, TEST_USER } from '../../../test/support/memory-registry';
import { evictPod, type EvictionBody } from './eviction';

/** Pods p1 and p2 (app=web) and one budget per entry of allowed (disruptionsAllowed), all selecting app=web. */
async function cluster(...allowed: number[]) {
  const registry = await memoryRegistry('pods', 'policy/poddisruptionbudgets');
  const pods = registry.storeFor('', 'pods')!;
  const budgets = registry.storeFor('policy', 'poddisruptionbudgets')!;
  for (const name of ['p1', 'p2']) {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    await pods.create('ns', pod, TEST_USER);
  }
  for (const [i, disruptionsAllowed] of allowed.entries()) {
    const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: `b${i}` }, spec: { selector: { matchLabels: { app: 'web' } } } };
    await budgets.create('ns', pdb, TEST_USER);
    const status = { observedGeneration: 1, disruptionsAllowed, currentHealthy: 2, desiredHealthy: 2 - disruptionsAllowed, expectedPods: 2 };
    await budgets.guaranteedUpdate('ns', `b${i}`, (b) => ({ ...b, status }), { ...TEST_USER, subresource: 'status' });
  }
  return { pods, budgets };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'evicted',
    (e: ApiError) => `${e.code} ${e.message}`,
  );

describe('pods/eviction', () => {
  it('deletes a pod no budget covers', async () => {
    const { pods } = await cluster();
    expect(await outcome(evictPod(pods, undefined, 'ns', 'p1', {}, TEST_USER))).toBe('evicted');
    expect(pods.find('ns', 'p1')).toBeUndefined();
  });

  it('takes a disruption from the budget, records the pod, and deletes it', async () => {
    const { pods, budgets } = await cluster(1);
    expect(await outcome(evictPod(pods, budgets, 'ns', 'p1', {}, TEST_USER))).toBe('evicted');
    expect(pods.find('ns', 'p1')).toBeUndefined();
    const status = (budgets.get('ns', 'b0').object as Kube<PodDisruptionBudget>).status!;
    expect(status.disruptionsAllowed).toBe(0);
    expect(Object.keys(status.disruptedPods ?? {})).toEqual(['p1']);
    expect(await outcome(evictPod(pods, budgets, 'ns', 'p2', {}, TEST_USER))).toBe("429 Cannot evict pod as it would violate the pod's disruption budget.");
    expect(pods.find('ns', 'p2')).toBeDefined();
  });

  it.each<[string, number[], EvictionBody, string]>([
    ['two budgets', [1, 1], {}, '500 This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'],
    ['another name in the body', [], { metadata: { name: 'p2' } }, '400 name in URL does not match name in Eviction object'],
  ])('refuses %s', async (_n, allowed, body, expected) => {
    const { pods, budgets } = await cluster(...allowed);
    expect(await outcome(evictPod(pods, budgets, 'ns', 'p1', body, TEST_USER))).toBe(expected);
    expect(pods.find('ns', 'p1')).toBeDefined();
  });

  it('changes nothing on a dry run', async () => {
    const { pods, budgets } = await cluster(1);
    expect(await outcome(evictPod(pods, budgets, 'ns', 'p1', { deleteOptions: { dryRun: ['All'] } }, TEST_USER))).toBe('evicted');
    expect(pods.find('ns', 'p1')).toBeDefined();
    expect((budgets.get('ns', 'b0').object as Kube<PodDisruptionBudget>).status?.disruptionsAllowed).toBe(1);
  });
});
