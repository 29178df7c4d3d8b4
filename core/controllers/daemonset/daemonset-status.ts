// DaemonSet status (updateDaemonSetStatus): per node, whether a daemon pod should run, whether
// one is there, and whether the oldest one is ready, available and at the current revision.
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable, isPodReady } from '../replicaset/pod-state';
import { isPodUpdated, type Daemon } from './daemon-pod';

export interface NodePlacement {
  shouldRun: boolean;
  pods: Pod[];
}

export const byAge = (a: Pod, b: Pod) =>
  (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

export function daemonSetStatus(ds: Daemon, hash: string, placements: NodePlacement[], collisionCount: number, now: Date): DaemonSetStatus {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const s = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    numberAvailable: 0,
    updatedNumberScheduled: 0,
    numberUnavailable: 0,
    observedGeneration: ds.metadata.generation,
    ...(collisionCount ? { collisionCount } : {}),
  };
  for (const { shouldRun, pods } of placements) {
    const scheduled = pods.length > 0;
    if (shouldRun) {
      s.desiredNumberScheduled++;
      if (!scheduled) continue;
      s.currentNumberScheduled++;
      const pod = [...pods].sort(byAge)[0]!;
      if (isPodReady(pod)) {
        s.numberReady++;
        if (isPodAvailable(pod, minReady, now)) s.numberAvailable++;
      }
      if (isPodUpdated(ds, hash, pod)) s.updatedNumberScheduled++;
    } else if (scheduled) {
      s.numberMisscheduled++;
    }
  }
  s.numberUnavailable = s.desiredNumberScheduled - s.numberAvailable;
  return s;
}
