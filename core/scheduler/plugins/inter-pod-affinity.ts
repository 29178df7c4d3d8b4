// InterPodAffinity: required pod affinity and anti-affinity of the incoming pod, and the
// required anti-affinity of pods already placed, counted per topology domain ("key=value") in
// PreFilter so Filter looks up one node's domains. Preferred terms (both ways) score.
import type { CycleState, FilterPlugin, ScorePlugin, Snapshot } from '../framework';
import { MAX_NODE_SCORE, unresolvable, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';
import { termSelects, type AffinityTerm, type PodInfo } from '../pod-info';

const NAME = 'InterPodAffinity';
type Counts = Map<string, number>;

interface FilterState {
  existingAnti: Counts;
  affinity: Counts;
  anti: Counts;
}

const pair = (key: string, node: NodeInfo): string | undefined => {
  const v = node.labels[key];
  return v === undefined ? undefined : `${key}=${v}`;
};

function bump(counts: Counts, key: string | undefined, by = 1): void {
  if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + by);
}

function countDomains(pod: PodInfo, snapshot: Snapshot): FilterState {
  const s: FilterState = { existingAnti: new Map(), affinity: new Map(), anti: new Map() };
  const ownTerms = pod.requiredAffinity.length + pod.requiredAntiAffinity.length > 0;
  for (const node of snapshot.nodes) {
    if (!ownTerms && node.podsWithRequiredAntiAffinity === 0) continue;
    for (const existing of node.pods.values()) {
      for (const t of existing.requiredAntiAffinity) {
        if (termSelects(t, pod.pod, snapshot.nsLabels)) bump(s.existingAnti, pair(t.topologyKey, node));
      }
      if (!ownTerms) continue;
      if (pod.requiredAffinity.length && pod.requiredAffinity.every((t) => termSelects(t, existing.pod, snapshot.nsLabels))) {
        for (const t of pod.requiredAffinity) bump(s.affinity, pair(t.topologyKey, node));
      }
      for (const t of pod.requiredAntiAffinity) {
        if (termSelects(t, existing.pod, snapshot.nsLabels)) bump(s.anti, pair(t.topologyKey, node));
      }
    }
  }
  return s;
}

function satisfiesAffinity(s: FilterState, pod: PodInfo, node: NodeInfo, snapshot: Snapshot): boolean {
  let ok = true;
  for (const t of pod.requiredAffinity) {
    const p = pair(t.topologyKey, node);
    if (p === undefined) return false;
    if ((s.affinity.get(p) ?? 0) <= 0) ok = false;
  }
  if (ok) return true;
  // The first pod of a group that selects itself may go anywhere with the topology labels.
  return s.affinity.size === 0 && pod.requiredAffinity.every((t) => termSelects(t, pod.pod, snapshot.nsLabels));
}

const KEY_STATE = `${NAME}/filter`;
const KEY_SNAPSHOT = `${NAME}/snapshot`;

export const interPodAffinityFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod, snapshot) {
    if (pod.requiredAffinity.length + pod.requiredAntiAffinity.length === 0 && !snapshot.nodes.some((n) => n.podsWithRequiredAntiAffinity > 0)) {
      return 'skip';
    }
    state.set(KEY_STATE, countDomains(pod, snapshot));
    state.set(KEY_SNAPSHOT, snapshot);
    return undefined;
  },
  filter(state, pod, node) {
    const s = state.get(KEY_STATE) as FilterState;
    const snapshot = state.get(KEY_SNAPSHOT) as Snapshot;
    if (!satisfiesAffinity(s, pod, node, snapshot)) return unresolvable(NAME, "node(s) didn't match pod affinity rules");
    for (const t of pod.requiredAntiAffinity) {
      const p = pair(t.topologyKey, node);
      if (p !== undefined && (s.anti.get(p) ?? 0) > 0) return unschedulable(NAME, "node(s) didn't match pod anti-affinity rules");
    }
    if (s.existingAnti.size > 0) {
      for (const key in node.labels) {
        if ((s.existingAnti.get(`${key}=${node.labels[key]}`) ?? 0) > 0) {
          return unschedulable(NAME, "node(s) didn't satisfy existing pods anti-affinity rules");
        }
      }
    }
    return undefined;
  },
};

/** Hard affinity of existing pods towards the incoming one counts this much when scoring. */
const HARD_POD_AFFINITY_WEIGHT = 1;
const KEY_SCORES = `${NAME}/scores`;

function addTerms(scores: Map<string, Counts>, terms: AffinityTerm[], target: PodInfo, node: NodeInfo, sign: number, snapshot: Snapshot): void {
  for (const t of terms) {
    if (!termSelects(t, target.pod, snapshot.nsLabels)) continue;
    const v = node.labels[t.topologyKey];
    if (v === undefined) continue;
    let byValue = scores.get(t.topologyKey);
    if (!byValue) scores.set(t.topologyKey, (byValue = new Map()));
    bump(byValue, v, sign * t.weight);
  }
}

export const interPodAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(state: CycleState, pod, _nodes, snapshot) {
    const own = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
    if (!own && !snapshot.nodes.some((n) => n.podsWithAffinity > 0)) return false;
    const scores = new Map<string, Counts>();
    for (const node of snapshot.nodes) {
      if (!own && node.podsWithAffinity === 0) continue;
      for (const existing of node.pods.values()) {
        addTerms(scores, pod.preferredAffinity, existing, node, 1, snapshot);
        addTerms(scores, pod.preferredAntiAffinity, existing, node, -1, snapshot);
        addTerms(scores, existing.preferredAffinity, pod, node, 1, snapshot);
        addTerms(scores, existing.preferredAntiAffinity, pod, node, -1, snapshot);
        addTerms(scores, existing.requiredAffinity.map((t) => ({ ...t, weight: HARD_POD_AFFINITY_WEIGHT })), pod, node, 1, snapshot);
      }
    }
    state.set(KEY_SCORES, scores);
    return scores.size > 0;
  },
  score(state, _pod, node) {
    const scores = state.get(KEY_SCORES) as Map<string, Counts>;
    let sum = 0;
    for (const [key, byValue] of scores) {
      const v = node.labels[key];
      if (v !== undefined) sum += byValue.get(v) ?? 0;
    }
    return sum;
  },
  normalize(_state, scores) {
    const min = Math.min(...scores);
    const diff = Math.max(...scores) - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i]! - min)) / diff) : 0;
  },
};
