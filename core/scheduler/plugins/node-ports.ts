// NodePorts: a host port (protocol, port, address) can be bound by one pod per node.
import type { FilterPlugin } from '../framework';
import { unschedulable } from '../framework';

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter: (_state, pod) => (pod.ports.length === 0 ? 'skip' : undefined),
  filter(_state, pod, node) {
    if (!pod.ports.some((p) => node.portInUse(p))) return undefined;
    return unschedulable(this.name, "node(s) didn't have free ports for the requested pod ports");
  },
};
