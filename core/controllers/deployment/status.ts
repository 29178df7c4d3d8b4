// A Deployment's status from its ReplicaSets (calculateStatus) and, during a rollout, the
// Progressing condition (syncRolloutStatus): complete, progressing, or past its deadline.
import type { Deployment, DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { REASONS, deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, hasProgressDeadline, newCondition, removeCondition, setCondition } from './conditions';
import { maxUnavailable, replicasOf, sumReplicas, sumStatus } from './replica-math';
import type { RS } from './replica-sets';

/** Counts and the Available condition; zero counts omitted as the API omits them. */
export function calculateStatus(d: Deployment, allRSs: RS[], newRS: RS | undefined, now: Date): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const unavailable = Math.max(0, sumReplicas(allRSs) - available);
  const counts: Record<string, number> = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: newRS ? sumStatus([newRS], 'replicas') : 0,
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  const status: DeploymentStatus = Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions?.length) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', REASONS.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', REASONS.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

const subject = (d: Deployment, newRS: RS | undefined) => (newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata?.name}"`);

/** The status during a rollout: calculateStatus plus Progressing and ReplicaFailure. */
export function rolloutStatus(d: Deployment, allRSs: RS[], newRS: RS | undefined, now: Date): DeploymentStatus {
  const status = calculateStatus(d, allRSs, newRS, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === REASONS.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', REASONS.newRSAvailable, `${subject(d, newRS)} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even with the same reason, so the deadline restarts.
      const c = newCondition('Progressing', 'True', REASONS.replicaSetUpdated, `${subject(d, newRS)} is progressing.`, now);
      if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, 'Progressing');
      setCondition(status, c);
    } else if (deploymentTimedOut(d, status, now)) {
      setCondition(status, newCondition('Progressing', 'False', REASONS.timedOut, `${subject(d, newRS)} has timed out progressing.`, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');
  return status;
}

/** The new set's ReplicaFailure, else an old one's, as a Deployment condition. */
function replicaFailure(allRSs: RS[], newRS: RS | undefined): DeploymentCondition | undefined {
  const sets = newRS ? [newRS, ...allRSs] : allRSs;
  for (const rs of sets) {
    const c = rs.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) return { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  }
  return undefined;
}

/**
 * When to look again for a stuck rollout (requeueStuckDeployment): milliseconds until the
 * Progressing condition's deadline, or undefined when no check is due.
 */
export function progressCheckDelay(d: Deployment, status: DeploymentStatus, now: Date): number | undefined {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, status) || current.reason === REASONS.timedOut) return undefined;
  const after = Date.parse(current.lastUpdateTime ?? '') + d.spec!.progressDeadlineSeconds! * 1000 - now.getTime();
  return after < 1000 ? 0 : after + 1000;
}
