// Which pods a ReplicaSet removes first when it has too many (controller.ActivePodsWithRanks
// with the PodDeletionCost and LogarithmicScaleDown gates on, as in 1.32): unscheduled before
// scheduled, Pending before Unknown before Running, not ready before ready, lower
// controller.kubernetes.io/pod-deletion-cost first, pods doubled up on a node with related pods
// first, then the most recently ready, the most restarted and the newest (times compared on a
// log2 scale so near-equal ages fall back to the uid).
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodActive, isPodReady, readyCondition } from './pod-state';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function deletionCost(pod: Pod): number {
  const v = Number.parseInt(pod.metadata?.annotations?.[DELETION_COST] ?? '', 10);
  return Number.isFinite(v) ? v : 0;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

const timeOf = (t: string | undefined) => (t ? Date.parse(t) : 0);

/** floor(log2(age in ns)), -1 for no age: pods of the same order of age rank together. */
function logRank(t: number, now: number): number {
  const ageNs = (now - t) * 1e6;
  return ageNs <= 0 ? -1 : Math.floor(Math.log2(ageNs));
}

/** Later (younger) first; a zero time counts as youngest. */
function compareTimes(a: number, b: number, now: number, uidA: string, uidB: string): number {
  if (a === 0 || b === 0) return a === 0 ? -1 : 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff !== 0) return diff;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

interface Ranked {
  pod: Pod;
  rank: number;
}

function compare(x: Ranked, y: Ranked, now: number): number {
  const a = x.pod;
  const b = y.pod;
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (!nodeA || !nodeB)) return nodeA ? 1 : -1;
  const phaseA = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(a);
  if (readyA !== isPodReady(b)) return readyA ? 1 : -1;
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) - deletionCost(b);
  if (x.rank !== y.rank) return y.rank - x.rank;
  const uidA = a.metadata?.uid ?? '';
  const uidB = b.metadata?.uid ?? '';
  if (readyA) {
    const ta = timeOf(readyCondition(a)?.lastTransitionTime);
    const tb = timeOf(readyCondition(b)?.lastTransitionTime);
    if (ta !== tb) return compareTimes(ta, tb, now, uidA, uidB);
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = timeOf(a.metadata?.creationTimestamp);
  const cb = timeOf(b.metadata?.creationTimestamp);
  if (ca !== cb) return compareTimes(ca, cb, now, uidA, uidB);
  return 0;
}

/**
 * The count pods to delete out of pods. related are the pods of every ReplicaSet sharing this
 * one's controller: a pod whose node holds more of them is a better victim.
 */
export function podsToDelete<P extends Pod>(pods: P[], related: Pod[], count: number, now: Date): P[] {
  if (count >= pods.length) return pods;
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => compare(x, y, now.getTime()));
  return ranked.slice(0, count).map((r) => r.pod as P);
}
