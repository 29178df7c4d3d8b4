// Delay before a Job creates pods again after failures: 10 s doubling per failure since the
// last success, at most 10 minutes (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff).
import type { Pod } from 'kubernetes-types/core/v1';
import { finishedTime } from './pod-state';

export const podFailureBackoffInitialMs = 10_000;
export const podFailureBackoffMaxMs = 600_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** The record after newly finished pods are seen: a success resets it, except for failures after that success. */
export function nextBackoffRecord(prev: BackoffRecord | undefined, succeeded: Pod[], failed: Pod[]): BackoffRecord {
  const record: BackoffRecord = { ...(prev ?? { failuresAfterLastSuccess: 0 }) };
  const failedTimes = failed.map(finishedTime).sort((a, b) => a - b);
  if (succeeded.length === 0) {
    if (failedTimes.length === 0) return record;
    return { failuresAfterLastSuccess: record.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes.at(-1) };
  }
  const lastSuccess = Math.max(...succeeded.map(finishedTime));
  const after = failedTimes.filter((t) => t > lastSuccess);
  return after.length ? { failuresAfterLastSuccess: after.length, lastFailureTime: after.at(-1) } : { failuresAfterLastSuccess: 0 };
}

/** Milliseconds until pods may be created again (0: now). */
export function remainingBackoffMs(record: BackoffRecord | undefined, now: number): number {
  if (!record?.failuresAfterLastSuccess || record.lastFailureTime === undefined) return 0;
  const delay = Math.min(podFailureBackoffMaxMs, podFailureBackoffInitialMs * 2 ** (record.failuresAfterLastSuccess - 1));
  return Math.max(0, delay - (now - record.lastFailureTime));
}
