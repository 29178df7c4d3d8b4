// A ReplicaSet's status from its pods (replica_set_utils.calculateStatus): counts, plus the
// ReplicaFailure condition while creating or deleting pods fails.
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabels, selectorFromSet } from '../../machinery/selectors/label-selector';
import { timestamp } from '../../client/clock';
import { isPodAvailable, isPodReady } from './pod-state';

export interface ReplicaCounts {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

export interface StatusInput {
  desired: number;
  minReadySeconds: number;
  templateLabels: Record<string, string> | undefined;
  conditions: ReplicaSetCondition[] | undefined;
  /** The error from creating or deleting pods in this sync, if any. */
  manageError?: unknown;
}

export function countReplicas(pods: Pod[], templateLabels: Record<string, string> | undefined, minReadySeconds: number, now: Date): ReplicaCounts {
  const template = selectorFromSet(templateLabels);
  const counts: ReplicaCounts = { replicas: pods.length, fullyLabeledReplicas: 0, readyReplicas: 0, availableReplicas: 0 };
  for (const pod of pods) {
    if (matchesLabels(template, pod.metadata?.labels)) counts.fullyLabeledReplicas++;
    if (isPodReady(pod)) {
      counts.readyReplicas++;
      if (isPodAvailable(pod, minReadySeconds, now)) counts.availableReplicas++;
    }
  }
  return counts;
}

/** The new status without observedGeneration (set when written); zero counts are omitted as the API does. */
export function calculateStatus(pods: Pod[], input: StatusInput, now: Date): ReplicaSetStatus {
  const counts = countReplicas(pods, input.templateLabels, input.minReadySeconds, now);
  let conditions = (input.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const failure = input.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (input.manageError !== undefined) {
    const reason = pods.length < input.desired ? 'FailedCreate' : 'FailedDelete';
    const message = input.manageError instanceof Error ? input.manageError.message : String(input.manageError);
    conditions = [...conditions, failure ?? { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp(now), reason, message }];
  }
  return {
    replicas: counts.replicas,
    ...(counts.fullyLabeledReplicas ? { fullyLabeledReplicas: counts.fullyLabeledReplicas } : {}),
    ...(counts.readyReplicas ? { readyReplicas: counts.readyReplicas } : {}),
    ...(counts.availableReplicas ? { availableReplicas: counts.availableReplicas } : {}),
    ...(conditions.length ? { conditions } : {}),
  };
}
