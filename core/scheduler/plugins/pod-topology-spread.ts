// PodTopologySpread: DoNotSchedule constraints filter nodes whose domain would exceed maxSkew
// over the least loaded eligible domain; ScheduleAnyway constraints score (fewer matching pods
// in the node's domain is better).
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { matchesLabels, newRequirement, nothing, selectorFromLabelSelector, type Selector } from '../../machinery/selectors/label-selector';
import type { FilterPlugin, ScorePlugin, Snapshot } from '../framework';
import { MAX_NODE_SCORE, unresolvable, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';
import { podMatchesNodeSelectorAndAffinity } from '../node-selectors';
import type { PodInfo } from '../pod-info';
import { firstUntolerated } from '../tolerations';

const NAME = 'PodTopologySpread';
const ERR = "node(s) didn't match pod topology spread constraints";

interface Constraint {
  key: string;
  maxSkew: number;
  minDomains: number;
  selector: Selector;
  honorAffinity: boolean;
  honorTaints: boolean;
}

function constraintsOf(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const labels = pod.metadata?.labels ?? {};
  return (pod.spec?.topologySpreadConstraints ?? [])
    .filter((c: TopologySpreadConstraint) => c.whenUnsatisfiable === when)
    .map((c) => {
      let selector: Selector;
      try {
        selector = selectorFromLabelSelector(c.labelSelector);
        // matchLabelKeys: the pod's own values for these keys narrow the selector.
        const extra = (c.matchLabelKeys ?? []).filter((k) => labels[k] !== undefined).map((k) => newRequirement(k, 'in', [labels[k]!]));
        if (extra.length && !selector.nothing) selector = { requirements: [...selector.requirements, ...extra] };
      } catch {
        selector = nothing;
      }
      return {
        key: c.topologyKey,
        maxSkew: c.maxSkew,
        minDomains: c.minDomains ?? 1,
        selector,
        honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorTaints: c.nodeTaintsPolicy === 'Honor',
      };
    });
}

const hasKeys = (node: NodeInfo, cs: Constraint[]) => cs.every((c) => node.labels[c.key] !== undefined);

function countMatching(node: NodeInfo, c: Constraint, namespace: string): number {
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.namespace === namespace && !p.pod.metadata.deletionTimestamp && matchesLabels(c.selector, p.pod.metadata.labels)) n++;
  }
  return n;
}

/** Nodes whose pods count towards the domains: they pass the policies and carry every key. */
function eligible(node: NodeInfo, pod: PodInfo, c: Constraint, all: Constraint[]): boolean {
  if (!node.node || !hasKeys(node, all)) return false;
  if (c.honorAffinity && !podMatchesNodeSelectorAndAffinity(pod.pod, node.node)) return false;
  const hard = (t: { effect?: string }) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
  return !(c.honorTaints && firstUntolerated(node.node.spec?.taints, pod.pod.spec?.tolerations, hard));
}

/** Matching pods per domain value, for each constraint (domains with none included). */
function countByDomain(pod: PodInfo, cs: Constraint[], snapshot: Snapshot): Map<string, number>[] {
  return cs.map((c) => {
    const counts = new Map<string, number>();
    for (const node of snapshot.nodes) {
      if (!eligible(node, pod, c, cs)) continue;
      const v = node.labels[c.key]!;
      counts.set(v, (counts.get(v) ?? 0) + countMatching(node, c, pod.namespace));
    }
    return counts;
  });
}

interface FilterState {
  constraints: Constraint[];
  counts: Map<string, number>[];
}

const KEY_FILTER = `${NAME}/filter`;

export const podTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod, snapshot) {
    const constraints = constraintsOf(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) return 'skip';
    state.set(KEY_FILTER, { constraints, counts: countByDomain(pod, constraints, snapshot) } satisfies FilterState);
    return undefined;
  },
  filter(state, pod, node) {
    const s = state.get(KEY_FILTER) as FilterState;
    if (!hasKeys(node, s.constraints)) return unresolvable(NAME, `${ERR} (missing required label)`);
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const counts = s.counts[i]!;
      const self = matchesLabels(c.selector, pod.pod.metadata.labels) ? 1 : 0;
      let min = counts.size < c.minDomains ? 0 : Infinity;
      if (min !== 0) for (const v of counts.values()) min = Math.min(min, v);
      if (min === Infinity) min = 0;
      if ((counts.get(node.labels[c.key]!) ?? 0) + self - min > c.maxSkew) return unschedulable(NAME, ERR);
    }
    return undefined;
  },
};

interface ScoreState {
  constraints: Constraint[];
  counts: Map<string, number>[];
  weights: number[];
}

const KEY_SCORE = `${NAME}/score`;

export const podTopologySpreadScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(state, pod, nodes, snapshot) {
    const constraints = constraintsOf(pod.pod, 'ScheduleAnyway');
    if (constraints.length === 0) return false;
    const counts = countByDomain(pod, constraints, snapshot);
    // More domains weigh more: log(domains + 2), counting the domains among the candidates.
    const weights = constraints.map((c) => {
      const domains = new Set(nodes.filter((n) => hasKeys(n, constraints)).map((n) => n.labels[c.key]));
      return Math.log(domains.size + 2);
    });
    state.set(KEY_SCORE, { constraints, counts, weights } satisfies ScoreState);
    return true;
  },
  score(state, _pod, node) {
    const s = state.get(KEY_SCORE) as ScoreState;
    if (!hasKeys(node, s.constraints)) return -1; // ignored: scores 0 after normalizing
    let sum = 0;
    s.constraints.forEach((c, i) => {
      sum += (s.counts[i]!.get(node.labels[c.key]!) ?? 0) * s.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(sum);
  },
  normalize(_state, scores) {
    const valid = scores.filter((s) => s >= 0);
    const max = valid.length ? Math.max(...valid) : 0;
    const min = valid.length ? Math.min(...valid) : 0;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      if (s < 0) scores[i] = 0;
      else scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
    }
  },
};
