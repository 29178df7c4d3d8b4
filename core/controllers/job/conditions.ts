// Job conditions as the job controller writes them and as the CronJob and TTL-after-finished
// controllers read them: a Job is finished once Complete or Failed is True.
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import { timestamp } from '../../client/clock';

export type JobConditionType = 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet' | 'Suspended';

export function findCondition(job: Job, type: JobConditionType): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

const isTrue = (job: Job, type: JobConditionType) => findCondition(job, type)?.status === 'True';

/** The Complete or Failed condition that finished the Job, if any. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export const isJobFinished = (job: Job) => finishedCondition(job) !== undefined;
export const isJobSucceeded = (job: Job) => isTrue(job, 'Complete');

export function newCondition(type: JobConditionType, status: 'True' | 'False', reason: string, message: string, now: Date): JobCondition {
  const t = timestamp(now);
  return { type, status, reason, message, lastProbeTime: t, lastTransitionTime: t };
}

/**
 * Sets the condition of that type (replacing it when status, reason or message differ); a False
 * condition is never added where none was. Returns whether the list changed.
 */
export function ensureCondition(job: Job, wanted: JobCondition): boolean {
  const list = ((job.status ??= {}).conditions ??= []);
  const i = list.findIndex((c) => c.type === wanted.type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === wanted.status && c.reason === wanted.reason && c.message === wanted.message) return false;
    list[i] = wanted;
    return true;
  }
  if (wanted.status === 'False') return false;
  list.push(wanted);
  return true;
}
