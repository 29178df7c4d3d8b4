// The Node objects of Wheelhouse's simulated machines. Node n (cp1 is 0, wrkN is N) gets podCIDR
// 10.244.n.0/24 and address 172.18.0.(n+2), as in a kind cluster. A node added later is posted
// bare (managedNode): the node manager gives it its podCIDR and its kubelet registers the
// rest, as a real kubelet does. The cluster's first nodes are registered complete (nodeObject)
// with what their kubelets would report, so that the cluster can schedule as soon as it is up.
import type { Node } from 'kubernetes-types/core/v1';
import { DEFAULT_MACHINE, KUBELET_ANNOTATIONS, kubeletLabels, machineStatus, type MachineShape } from '../kubelet/machine';
import { healthyNodeConditions } from '../kubelet/node-conditions';
import { ipToNumber, numberToIp } from '../kubelet/pod-ips';

/** Marks a Node whose kubelet Wheelhouse runs. */
export const MANAGED_ANNOTATION = 'wheelhouse.dev/managed';
/** Desired state of a managed node's machine: "running" (default) or "stopped". */
export const STATE_ANNOTATION = 'wheelhouse.dev/state';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const CLUSTER_CIDR_BASE = ipToNumber('10.244.0.0');
const NODE_ADDRESS_BASE = ipToNumber('172.18.0.2');

export const podCidrFor = (index: number) => `${numberToIp(CLUSTER_CIDR_BASE + index * 256)}/24`;
export const nodeAddressFor = (index: number) => numberToIp(NODE_ADDRESS_BASE + index);

/** The index a node's podCIDR stands for, or undefined for CIDRs outside Wheelhouse's range. */
export function nodeIndexOf(node: Node): number | undefined {
  const cidr = node.spec?.podCIDR;
  if (!cidr) return undefined;
  const offset = ipToNumber(cidr.split('/')[0]!) - CLUSTER_CIDR_BASE;
  return offset >= 0 && offset % 256 === 0 ? offset / 256 : undefined;
}

/** The first index no node uses yet. */
export function nextNodeIndex(nodes: Node[]): number {
  const used = nodes.map(nodeIndexOf).filter((i): i is number => i !== undefined);
  return used.length ? Math.max(...used) + 1 : 0;
}

/** cp1, then wrk1..wrk(count-1). */
export function defaultNodeNames(count: number): string[] {
  return Array.from({ length: Math.max(count, 1) }, (_, i) => (i === 0 ? 'cp1' : `wrk${i}`));
}

/** What `wheelhouse node add` posts: a name and the mark that Wheelhouse runs its machine. */
export function managedNode(name: string): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, annotations: { [MANAGED_ANNOTATION]: 'true' } } };
}

export interface NodeObjectOptions {
  name: string;
  index: number;
  controlPlane?: boolean;
  machine?: Partial<MachineShape>;
  now?: Date;
}

/** A node registered complete: labels, control-plane taint, podCIDR, the kubelet's report and healthy conditions. */
export function nodeObject(opts: NodeObjectOptions): Node {
  const { name } = opts;
  const machine = { ...DEFAULT_MACHINE, ...opts.machine, address: nodeAddressFor(opts.index) };
  const labels = kubeletLabels(name, machine);
  if (opts.controlPlane) {
    labels[CONTROL_PLANE_LABEL] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const podCIDR = podCidrFor(opts.index);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: { [MANAGED_ANNOTATION]: 'true', 'node.alpha.kubernetes.io/ttl': '0', ...KUBELET_ANNOTATIONS },
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      ...(opts.controlPlane ? { taints: [{ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }] } : {}),
    },
    status: { ...machineStatus(name, machine), conditions: healthyNodeConditions(undefined, opts.now ?? new Date()) },
  };
}
