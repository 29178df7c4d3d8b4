// StatefulSet status counts (computeReplicaStatus and completeRollingUpdate): created pods,
// ready, available after minReadySeconds, and how many run the current and the update
// revision; a finished rolling update makes the update revision current.
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable, isPodReady } from '../replicaset/pod-state';
import { podRevision, replicaCount, type Set } from './pod-identity';

export const isCreated = (pod: Pod) => !!pod.status?.phase;
export const isTerminating = (pod: Pod) => !!pod.metadata?.deletionTimestamp;
export const isRunningAndReady = (pod: Pod) => pod.status?.phase === 'Running' && isPodReady(pod);
export const isRunningAndAvailable = (pod: Pod, minReadySeconds: number, now: Date) =>
  pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
export const isHealthy = (pod: Pod, minReadySeconds: number, now: Date) => isRunningAndAvailable(pod, minReadySeconds, now) && !isTerminating(pod);

export interface RevisionNames {
  current: string;
  update: string;
}

export function replicaStatus(set: Set, pods: Pod[], revisions: RevisionNames, collisionCount: number, now: Date): StatefulSetStatus {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const s = {
    observedGeneration: set.metadata.generation,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision: revisions.current,
    updateRevision: revisions.update,
    collisionCount,
  };
  for (const pod of pods) {
    if (isCreated(pod)) s.replicas++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(pod, minReady, now)) s.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const rev = podRevision(pod);
      if (rev === revisions.current) s.currentReplicas++;
      if (rev === revisions.update) s.updatedReplicas++;
    }
  }
  const wanted = replicaCount(set);
  if (set.spec?.updateStrategy?.type !== 'OnDelete' && s.updatedReplicas === wanted && s.readyReplicas === wanted && s.replicas === wanted) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  return s;
}

/** Whether status differs from what the set shows (inconsistentStatus). */
export function statusChanged(set: Set, s: StatefulSetStatus): boolean {
  const old = set.status ?? { replicas: 0 };
  const fields = ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'currentRevision', 'updateRevision', 'collisionCount'] as const;
  return (s.observedGeneration ?? 0) > (old.observedGeneration ?? 0) || fields.some((f) => (s[f] ?? 0) !== (old[f] ?? 0));
}
