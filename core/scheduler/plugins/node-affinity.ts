// NodeAffinity: spec.nodeSelector and required node affinity filter; preferred terms add their
// weights to a node's score.
import type { FilterPlugin, ScorePlugin } from '../framework';
import { defaultNormalize, unresolvable } from '../framework';
import { podMatchesNodeSelectorAndAffinity, termMatches } from '../node-selectors';

export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(_state, pod, node) {
    if (!node.node || podMatchesNodeSelectorAndAffinity(pod.pod, node.node)) return undefined;
    return unresolvable(this.name, "node(s) didn't match Pod's node affinity/selector");
  },
};

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore: (_state, pod) => !!pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length,
  score(_state, pod, node) {
    let sum = 0;
    for (const t of pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (t.weight !== 0 && node.node && termMatches(t.preference, node.node)) sum += t.weight;
    }
    return sum;
  },
  normalize: (_state, scores) => defaultNormalize(scores, false),
};
