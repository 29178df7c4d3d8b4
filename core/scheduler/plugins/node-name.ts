// NodeName: a pod that names its node fits only there.
import type { FilterPlugin } from '../framework';
import { unresolvable } from '../framework';

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(_state, pod, node) {
    const wanted = pod.pod.spec?.nodeName;
    return wanted && wanted !== node.name ? unresolvable(this.name, "node(s) didn't match the requested node name") : undefined;
  },
};
