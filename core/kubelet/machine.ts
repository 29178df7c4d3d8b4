// What a kubelet reports about its machine, as kubelet v1.32 does (kubelet_node_status.go:
// initialNode's default labels, and the MachineInfo, NodeAddress, VersionInfo and
// DaemonEndpoints status setters): the kubernetes.io labels, capacity and allocatable,
// addresses, nodeInfo and the kubelet endpoint. Wheelhouse's machines are simulated, so
// their size is a MachineShape and their ids are derived from the node's name.
import { createHash } from 'node:crypto';
import { arch } from 'node:os';
import type { NodeStatus } from 'kubernetes-types/core/v1';
import { KUBERNETES_VERSION } from '../machinery/version';

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

/** A machine a kubelet runs on: its size and its address on the cluster's network. */
export interface Machine extends MachineShape {
  address: string;
}

/** The kubelet's default hard eviction thresholds: memory.available<100Mi, nodefs.available<10%. */
const EVICTION_MEMORY_KI = 100 * 1024;
const EVICTION_NODEFS_SHARE = 0.1;

const hex = (seed: string, length: number) => createHash('sha256').update(seed).digest('hex').slice(0, length);
const uuidFrom = (seed: string) => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The labels the kubelet owns (initialNode's; no cloud provider, so no instance type or zone). */
export function kubeletLabels(nodeName: string, machine: Pick<MachineShape, 'arch'>): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': machine.arch,
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': machine.arch,
    'kubernetes.io/hostname': nodeName,
    'kubernetes.io/os': 'linux',
  };
}

/** The annotation the kubelet registers with when the attach/detach controller manages its volumes. */
export const KUBELET_ANNOTATIONS = { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' };

/** Everything the kubelet's status setters report about the machine (conditions aside). */
export function machineStatus(nodeName: string, m: Machine): NodeStatus {
  const capacity = {
    cpu: m.cpu,
    'ephemeral-storage': `${m.ephemeralStorageKi}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${m.memoryKi}Ki`,
    pods: String(m.pods),
  };
  return {
    capacity,
    allocatable: {
      ...capacity,
      'ephemeral-storage': String(Math.floor(m.ephemeralStorageKi * 1024 * (1 - EVICTION_NODEFS_SHARE))),
      memory: `${m.memoryKi - EVICTION_MEMORY_KI}Ki`,
    },
    addresses: [
      { type: 'InternalIP', address: m.address },
      { type: 'Hostname', address: nodeName },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: hex(`machine:${nodeName}`, 32),
      systemUUID: uuidFrom(`system:${nodeName}`),
      bootID: uuidFrom(`boot:${nodeName}`),
      kernelVersion: '6.8.0-wheelhouse',
      osImage: 'Wheelhouse simulated node',
      containerRuntimeVersion: 'simulated://1.0',
      kubeletVersion: KUBERNETES_VERSION,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: m.arch,
    },
  };
}
