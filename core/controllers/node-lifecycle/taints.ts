// Taints and tolerations as the node lifecycle, taint eviction and pod GC controllers read
// them (k8s.io/api/core/v1 toleration.go, pkg/util/taints).
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

export { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from '../../apiserver/admission/default-tolerations';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** Whether one toleration tolerates one taint: same effect (or any), same key (or any, with Exists), equal value unless Exists. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Every taint tolerated? With the toleration that tolerates each (the first that does). */
export function matchingTolerations(taints: Taint[], tolerations: Toleration[]): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => tolerates(tol, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** How long a pod may stay given the tolerations it uses: 0 at once, Infinity forever. */
export function minTolerationMs(used: Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds * 1000);
  }
  return min;
}

/** Taints are the same taint when key and effect match (MatchTaint). */
export const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

export const noExecuteTaints = (taints: Taint[] | undefined) => (taints ?? []).filter((t) => t.effect === 'NoExecute');

/** Taints with these added (stamped timeAdded, as the node controller does) and those removed; undefined when nothing changes. */
export function swapTaints(current: Taint[] | undefined, add: Taint[], remove: Taint[], timeAdded: string): Taint[] | undefined {
  const have = current ?? [];
  const kept = have.filter((t) => !remove.some((r) => sameTaint(r, t)));
  const added = add.filter((a) => !kept.some((t) => sameTaint(a, t))).map((a) => ({ ...a, timeAdded }));
  if (added.length === 0 && kept.length === have.length) return undefined;
  return [...kept, ...added];
}

/** What to add to and remove from `have` to make it `want` (TaintSetDiff). */
export function taintDiff(want: Taint[], have: Taint[]): { add: Taint[]; remove: Taint[] } {
  return {
    add: want.filter((w) => !have.some((h) => sameTaint(w, h))),
    remove: have.filter((h) => !want.some((w) => sameTaint(w, h))),
  };
}
