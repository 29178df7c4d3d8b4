// NodeUnschedulable: cordoned nodes take only pods that tolerate the unschedulable taint.
import type { FilterPlugin } from '../framework';
import { unresolvable } from '../framework';
import { isTolerated } from '../tolerations';

const TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(_state, pod, node) {
    if (!node.node?.spec?.unschedulable || isTolerated(TAINT, pod.pod.spec?.tolerations)) return undefined;
    return unresolvable(this.name, 'node(s) were unschedulable');
  },
};
