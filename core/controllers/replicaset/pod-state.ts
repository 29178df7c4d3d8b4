// The pod facts the workload controllers decide on (k8s.io/kubernetes/pkg/api/v1/pod and
// controller_utils): active, ready, available after minReadySeconds.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';

/** Not finished and not being deleted: the pods a controller counts as its replicas. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function readyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds (by the Ready condition's lastTransitionTime). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = readyCondition(pod)?.lastTransitionTime;
  return !!since && Date.parse(since) + minReadySeconds * 1000 < now.getTime();
}
