// Evicting a drain's pods through pods/eviction, all at once as kubectl drain does: a refusal
// because of a PodDisruptionBudget (429) is reported with the server's message and retried
// after a pause (kubectl: 5 s) until it is accepted or the user cancels; a pod already gone
// (404) counts as done. Whether an evicted pod has really gone is the caller's watch to tell.
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../kube/api';

export const EVICTION_RETRY_MS = 5_000;

export type EvictionState =
  | { state: 'waiting' }
  | { state: 'refused'; message: string; attempts: number }
  | { state: 'evicted' }
  | { state: 'failed'; message: string };

export interface DrainRunner {
  /** POSTs the pod's Eviction. */
  evict(pod: Pod): Promise<unknown>;
  /** Resolves after ms, or rejects when the signal aborts. */
  pause(ms: number, signal: AbortSignal): Promise<void>;
  report(pod: Pod, state: EvictionState): void;
  retryMs?: number;
}

/** Evicts every pod, each on its own; false if cancelled, true once each was evicted or failed. */
export async function evictAll(pods: Pod[], runner: DrainRunner, signal: AbortSignal): Promise<boolean> {
  for (const pod of pods) runner.report(pod, { state: 'waiting' });
  const done = await Promise.all(pods.map((pod) => evictOne(pod, runner, signal)));
  return done.every(Boolean);
}

async function evictOne(pod: Pod, runner: DrainRunner, signal: AbortSignal): Promise<boolean> {
  for (let attempts = 1; !signal.aborted; attempts++) {
    try {
      await runner.evict(pod);
      runner.report(pod, { state: 'evicted' });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) {
        runner.report(pod, { state: 'evicted' });
        return true;
      }
      if (!(err instanceof ApiError && err.code === 429)) {
        runner.report(pod, { state: 'failed', message: (err as Error).message });
        return true;
      }
      runner.report(pod, { state: 'refused', message: err.message, attempts });
      try {
        await runner.pause(runner.retryMs ?? EVICTION_RETRY_MS, signal);
      } catch {
        return false;
      }
    }
  }
  return false;
}

/** A pause that a cancel ends early. */
export function abortablePause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
