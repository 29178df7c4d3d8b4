// TaintToleration: NoSchedule and NoExecute taints keep out pods that do not tolerate them;
// PreferNoSchedule taints only lower a node's score.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../framework';
import { defaultNormalize, unresolvable } from '../framework';
import { firstUntolerated, isTolerated } from '../tolerations';

const hard = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(_state, pod, node) {
    const taint = firstUntolerated(node.node?.spec?.taints, pod.pod.spec?.tolerations, hard);
    return taint ? unresolvable(this.name, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined;
  },
};

const KEY = 'TaintToleration/tolerations';

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preScore(state, pod) {
    // Only tolerations that can apply to PreferNoSchedule count.
    state.set(KEY, (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule'));
    return true;
  },
  score(state, _pod, node) {
    const taints = node.node?.spec?.taints;
    if (!taints?.length) return 0;
    const tolerations = state.get(KEY) as Toleration[];
    let n = 0;
    for (const t of taints) if (t.effect === 'PreferNoSchedule' && !isTolerated(t, tolerations)) n++;
    return n;
  },
  normalize: (_state, scores) => defaultNormalize(scores, true),
};
