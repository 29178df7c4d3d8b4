// How many pods a PodDisruptionBudget expects and how many must stay healthy
// (getExpectedPodCount): minAvailable as a number counts the matching pods; a percentage or
// maxUnavailable is taken of the scale of the pods' controllers.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { scaledValue } from '../deployment/replica-math';

/** A pod's controller's desired replicas (Deployment over ReplicaSet), undefined if unknown. */
export type ScaleOf = (namespace: string, owner: { apiVersion: string; kind: string; name: string; uid: string }) => { uid: string; replicas: number } | undefined;

export interface Expectation {
  expectedPods: number;
  desiredHealthy: number;
}

/** Sum of the scales of the distinct controllers of pods; throws naming a pod without one. */
function expectedScale(pods: Pod[], scaleOf: ScaleOf): number {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller);
    const found = ref && scaleOf(pod.metadata!.namespace!, ref);
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata?.name}"`);
    scales.set(found.uid, found.replicas);
  }
  return [...scales.values()].reduce((a, b) => a + b, 0);
}

export function expectation(pdb: PodDisruptionBudget, pods: Pod[], scaleOf: ScaleOf): Expectation {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  if (maxUnavailable !== undefined) {
    const expectedPods = expectedScale(pods, scaleOf);
    return { expectedPods, desiredHealthy: Math.max(0, expectedPods - scaledValue(maxUnavailable, expectedPods, true)) };
  }
  if (typeof minAvailable === 'number') return { expectedPods: pods.length, desiredHealthy: minAvailable };
  if (typeof minAvailable === 'string') {
    const expectedPods = expectedScale(pods, scaleOf);
    return { expectedPods, desiredHealthy: scaledValue(minAvailable, expectedPods, true) };
  }
  return { expectedPods: pods.length, desiredHealthy: 0 };
}
