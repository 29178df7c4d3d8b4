// Which log streams a workload's Logs tab runs: one per container instance of each of its
// pods, at most MAX_WORKLOAD_STREAMS live at once. kubectl logs -l follows at most 5 streams
// (--max-log-requests); here each pod's every container is a stream, so a 3-replica workload
// with a sidecar already needs 6: the bound is 10, still small for the API server, and the
// tab names the pods it leaves out. Pure: the view feeds it pods and the streams' states.
import type { Pod } from 'kubernetes-types/core/v1';

export const MAX_WORKLOAD_STREAMS = 10;

export interface PlannedStream {
  /** pod uid, container and container id: a new instance (restart) is a new stream. */
  key: string;
  pod: string;
  container: string;
}

export interface StreamPlan {
  /** Streams to open now. */
  open: PlannedStream[];
  /** Pods with a container that has an instance but no room for its stream. */
  left: string[];
}

/**
 * Pods in name order (stable as pods come and go); containers with an instance (a container
 * id) get a stream unless they have one already (known: opened, live or ended) or the live
 * ones fill the bound.
 */
export function planStreams(pods: readonly Pod[], known: ReadonlySet<string>, live: number, max = MAX_WORKLOAD_STREAMS): StreamPlan {
  const open: PlannedStream[] = [];
  const left = new Set<string>();
  const sorted = [...pods].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  for (const pod of sorted) {
    if (pod.metadata?.deletionTimestamp) continue;
    for (const status of pod.status?.containerStatuses ?? []) {
      if (!status.containerID) continue;
      const key = `${pod.metadata?.uid}/${status.name}/${status.containerID}`;
      if (known.has(key)) continue;
      if (live + open.length >= max) left.add(pod.metadata!.name!);
      else open.push({ key, pod: pod.metadata!.name!, container: status.name });
    }
  }
  return { open, left: [...left] };
}
