// The Node objects of Wheelhouse's simulated machines, complete as a kubelet registers them:
// labels, control-plane taint, podCIDR, capacity and allocatable, conditions, addresses,
// nodeInfo and the kubelet endpoint. Node n (cp1 is 0, wrkN is N) gets podCIDR
// 10.244.n.0/24 and address 172.18.0.(n+2), as in a kind cluster.
import { createHash } from 'node:crypto';
import { arch } from 'node:os';
import type { Node } from 'kubernetes-types/core/v1';
import { healthyNodeConditions } from '../kubelet/node-conditions';
import { ipToNumber, numberToIp } from '../kubelet/pod-ips';
import { KUBERNETES_VERSION } from '../version';

/** Marks a Node whose kubelet Wheelhouse runs. */
export const MANAGED_ANNOTATION = 'wheelhouse.dev/managed';
/** Desired state of a managed node's machine: "running" (default) or "stopped". */
export const STATE_ANNOTATION = 'wheelhouse.dev/state';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

const CLUSTER_CIDR_BASE = ipToNumber('10.244.0.0');
const NODE_ADDRESS_BASE = ipToNumber('172.18.0.2');

/** A simulated machine's size. */
export interface MachineShape {
  cpu: string;
  /** Memory in KiB. */
  memoryKi: number;
  /** Root filesystem in KiB. */
  ephemeralStorageKi: number;
  pods: number;
  arch: string;
}

export const DEFAULT_MACHINE: MachineShape = { cpu: '4', memoryKi: 8 * 1024 * 1024, ephemeralStorageKi: 100 * 1024 * 1024, pods: 110, arch: arch() === 'x64' ? 'amd64' : arch() };

/** The kubelet's default hard eviction thresholds: memory.available<100Mi, nodefs.available<10%. */
const EVICTION_MEMORY_KI = 100 * 1024;
const EVICTION_NODEFS_SHARE = 0.1;

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

const hex = (seed: string, length: number) => createHash('sha256').update(seed).digest('hex').slice(0, length);
const uuidFrom = (seed: string) => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export interface NodeObjectOptions {
  name: string;
  index: number;
  controlPlane?: boolean;
  machine?: Partial<MachineShape>;
  now?: Date;
}

export function nodeObject(opts: NodeObjectOptions): Node {
  const m = { ...DEFAULT_MACHINE, ...opts.machine };
  const { name } = opts;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': m.arch,
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': m.arch,
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (opts.controlPlane) {
    labels[CONTROL_PLANE_LABEL] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const capacity = {
    cpu: m.cpu,
    'ephemeral-storage': `${m.ephemeralStorageKi}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${m.memoryKi}Ki`,
    pods: String(m.pods),
  };
  const allocatable = {
    ...capacity,
    'ephemeral-storage': String(Math.floor(m.ephemeralStorageKi * 1024 * (1 - EVICTION_NODEFS_SHARE))),
    memory: `${m.memoryKi - EVICTION_MEMORY_KI}Ki`,
  };
  const podCIDR = podCidrFor(opts.index);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        [MANAGED_ANNOTATION]: 'true',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      ...(opts.controlPlane ? { taints: [{ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity,
      allocatable,
      conditions: healthyNodeConditions(undefined, opts.now ?? new Date()),
      addresses: [
        { type: 'InternalIP', address: nodeAddressFor(opts.index) },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(`machine:${name}`, 32),
        systemUUID: uuidFrom(`system:${name}`),
        bootID: uuidFrom(`boot:${name}`),
        kernelVersion: '6.8.0-wheelhouse',
        osImage: 'Wheelhouse simulated node',
        containerRuntimeVersion: 'simulated://1.0',
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: m.arch,
      },
    },
  };
}
