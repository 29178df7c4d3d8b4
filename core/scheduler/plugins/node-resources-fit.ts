// NodeResourcesFit: the pod's requests must fit in what the node has left, and the node must
// have room for one more pod. Scoring prefers the least allocated nodes (spreading), or the
// most allocated (bin packing) when configured so; cpu and memory weigh the same.
import type { FilterPlugin, ScorePlugin } from '../framework';
import { unresolvable, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

interface Shortage {
  reason: string;
  /** The request exceeds the node's whole allocatable: no eviction can make room. */
  unresolvable: boolean;
}

/** Is `want` more than what is left? (A zero request always fits, even on an overcommitted node.) */
const short = (want: number, alloc: number, used: number) => want > 0 && want > alloc - used;

function lacking(out: Shortage[] | undefined, name: string, want: number, alloc: number): Shortage[] {
  const list = out ?? [];
  list.push({ reason: `Insufficient ${name}`, unresolvable: want > alloc });
  return list;
}

/** What the node lacks for the pod, or undefined when it fits (the hot path: no allocation). */
export function insufficientResources(pod: PodInfo, node: NodeInfo): Shortage[] | undefined {
  const req = pod.requests;
  const a = node.allocatable;
  const u = node.requested;
  let out: Shortage[] | undefined;
  if (node.pods.size + 1 > node.allowedPods) out = [{ reason: 'Too many pods', unresolvable: false }];
  if (short(req.milliCPU, a.milliCPU, u.milliCPU)) out = lacking(out, 'cpu', req.milliCPU, a.milliCPU);
  if (short(req.memory, a.memory, u.memory)) out = lacking(out, 'memory', req.memory, a.memory);
  if (short(req.ephemeralStorage, a.ephemeralStorage, u.ephemeralStorage)) {
    out = lacking(out, 'ephemeral-storage', req.ephemeralStorage, a.ephemeralStorage);
  }
  if (req.scalar.size) {
    for (const [name, want] of req.scalar) {
      const alloc = a.scalar.get(name) ?? 0;
      if (short(want, alloc, u.scalar.get(name) ?? 0)) out = lacking(out, name, want, alloc);
    }
  }
  return out;
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(_state, pod, node) {
    const lacking = insufficientResources(pod, node);
    if (!lacking) return undefined;
    const reasons = lacking.map((s) => s.reason);
    return lacking.some((s) => s.unresolvable) ? unresolvable(this.name, ...reasons) : unschedulable(this.name, ...reasons);
  },
};

/** leastRequestedScore / mostRequestedScore of one resource, 0..100. */
function allocationScore(mostAllocated: boolean, requested: number, capacity: number): number {
  if (mostAllocated) return Math.trunc((Math.min(requested, capacity) * 100) / capacity);
  return requested > capacity ? 0 : Math.trunc(((capacity - requested) * 100) / capacity);
}

export function nodeResourcesFitScore(strategy: ScoringStrategy = 'LeastAllocated'): ScorePlugin {
  const mostAllocated = strategy === 'MostAllocated';
  return {
    name: 'NodeResourcesFit',
    weight: 1,
    score(_state, pod, node) {
      // Containers without requests count as the scoring defaults here (NonZeroRequested).
      let sum = 0;
      let weights = 0;
      const cpuCap = node.allocatable.milliCPU;
      const memCap = node.allocatable.memory;
      if (cpuCap > 0) {
        sum += allocationScore(mostAllocated, node.nonZeroRequested.milliCPU + pod.nonZero.milliCPU, cpuCap);
        weights++;
      }
      if (memCap > 0) {
        sum += allocationScore(mostAllocated, node.nonZeroRequested.memory + pod.nonZero.memory, memCap);
        weights++;
      }
      return weights === 0 ? 0 : Math.trunc(sum / weights);
    },
  };
}

/** NodeResourcesBalancedAllocation: favours nodes whose cpu and memory use stay even. */
export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore: (_state, pod) => pod.requests.milliCPU > 0 || pod.requests.memory > 0,
  score(_state, pod, node) {
    // With cpu and memory both known the standard deviation is half their difference.
    const cpuCap = node.allocatable.milliCPU;
    const memCap = node.allocatable.memory;
    if (cpuCap <= 0 || memCap <= 0) return 100;
    const cpu = Math.min(1, (node.requested.milliCPU + pod.requests.milliCPU) / cpuCap);
    const mem = Math.min(1, (node.requested.memory + pod.requests.memory) / memCap);
    return Math.trunc((1 - Math.abs(cpu - mem) / 2) * 100);
  },
};
