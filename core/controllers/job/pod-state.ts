// How the job controller classifies its pods (controller.FilterActivePods, IsPodReady,
// CountTerminatingPods, ActivePods ordering), and the job-tracking finalizer.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Job } from 'kubernetes-types/batch/v1';

export const trackingFinalizer = 'batch.kubernetes.io/job-tracking';

const terminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

export const hasTrackingFinalizer = (p: Pod) => p.metadata?.finalizers?.includes(trackingFinalizer) ?? false;
export const isActive = (p: Pod) => !terminal(p) && !p.metadata?.deletionTimestamp;
export const isTerminating = (p: Pod) => !terminal(p) && !!p.metadata?.deletionTimestamp;
export const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Replacement waits for Failed only under podReplacementPolicy Failed (always with a pod failure policy). */
export const onlyReplaceFailedPods = (job: Job) => job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;

/** Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const time = (t: string | undefined) => (t ? Date.parse(t) : 0);

/** Deletion preference: unscheduled, pending, not ready and newer pods go first. */
export function compareForRemoval(a: Pod, b: Pod): number {
  const scheduled = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
  if (scheduled) return scheduled;
  const phase = (phaseRank[a.status?.phase ?? 'Pending'] ?? 0) - (phaseRank[b.status?.phase ?? 'Pending'] ?? 0);
  if (phase) return phase;
  const ready = Number(isReady(a)) - Number(isReady(b));
  if (ready) return ready;
  return time(b.metadata?.creationTimestamp) - time(a.metadata?.creationTimestamp);
}

/** When the pod finished: its containers' last finish, Ready=False, deletion, or creation (getFinishedTime). */
export function finishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  if (statuses.length && statuses.every((s) => s.state?.terminated?.finishedAt)) {
    return Math.max(...statuses.map((s) => time(s.state!.terminated!.finishedAt)));
  }
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return time(ready.lastTransitionTime);
  if (p.metadata?.deletionTimestamp) return time(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return time(p.metadata?.creationTimestamp);
}
