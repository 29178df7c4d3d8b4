// The default profile's plugins, in kube-scheduler's order, and score weights
// (TaintToleration 3; NodeAffinity, InterPodAffinity, PodTopologySpread 2; the rest 1).
import type { FilterPlugin, ScorePlugin } from './framework';
import { interPodAffinityFilter, interPodAffinityScore } from './plugins/inter-pod-affinity';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity';
import { nodeName } from './plugins/node-name';
import { nodePorts } from './plugins/node-ports';
import { balancedAllocationScore, nodeResourcesFitFilter, nodeResourcesFitScore, type ScoringStrategy } from './plugins/node-resources-fit';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/pod-topology-spread';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration';

export interface Profile {
  schedulerName: string;
  filters: FilterPlugin[];
  scores: ScorePlugin[];
}

export function defaultProfile(scoringStrategy: ScoringStrategy = 'LeastAllocated'): Profile {
  return {
    schedulerName: 'default-scheduler',
    filters: [
      nodeUnschedulable,
      nodeName,
      taintTolerationFilter,
      nodeAffinityFilter,
      nodePorts,
      nodeResourcesFitFilter,
      podTopologySpreadFilter,
      interPodAffinityFilter,
    ],
    scores: [
      taintTolerationScore,
      nodeAffinityScore,
      podTopologySpreadScore,
      interPodAffinityScore,
      nodeResourcesFitScore(scoringStrategy),
      balancedAllocationScore,
    ],
  };
}
