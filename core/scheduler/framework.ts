// The scheduling framework's shapes: statuses, per-cycle state, filter and score plugins and
// the cluster snapshot they read (pkg/scheduler/framework/interface.go, much reduced).
import type { NodeInfo } from './node-info';
import type { NamespaceLabels, PodInfo } from './pod-info';

/** Unschedulable: preemption might help; UnschedulableAndUnresolvable: it would not. */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: Code;
  reasons: string[];
  plugin: string;
}

export const unschedulable = (plugin: string, ...reasons: string[]): Status => ({ code: 'Unschedulable', reasons, plugin });
export const unresolvable = (plugin: string, ...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons, plugin });

/** Plugin state for one scheduling attempt, by plugin name. */
export type CycleState = Map<string, unknown>;

/** What plugins see of the cluster. */
export interface Snapshot {
  nodes: readonly NodeInfo[];
  nsLabels: NamespaceLabels;
}

export const MAX_NODE_SCORE = 100;

export interface FilterPlugin {
  readonly name: string;
  /** Per-attempt preparation; 'skip' leaves this plugin's filter out, a Status rejects every node. */
  preFilter?(state: CycleState, pod: PodInfo, snapshot: Snapshot): Status | 'skip' | undefined;
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** false: this plugin has nothing to say about this pod (PreScore Skip). */
  preScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], snapshot: Snapshot): boolean;
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Scales raw scores to 0..MAX_NODE_SCORE in place. */
  normalize?(state: CycleState, scores: number[], nodes: readonly NodeInfo[]): void;
}

/** framework/plugins/helper.DefaultNormalizeScore. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      if (reverse) scores[i] = MAX_NODE_SCORE;
      continue;
    }
    const s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
