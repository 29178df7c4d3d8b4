// What a kubelet reports about usage (the shape of its /stats/summary, reduced to what
// metrics-server reads): each running container's CPU and memory, and the node's, which is its
// pods' plus the system's own (kubelet, container runtime, OS; on a control-plane node also the
// API server, etcd and the controllers).
import { modelUsage, seedOf } from '../runtime/usage-model';
import type { ContainerUsage } from '../runtime/types';

export interface ContainerStats {
  name: string;
  usage: ContainerUsage;
}

export interface PodStats {
  namespace: string;
  name: string;
  uid: string;
  containers: ContainerStats[];
}

export interface NodeStats {
  nodeName: string;
  usage: ContainerUsage;
  pods: PodStats[];
}

/** The system's share, as requests the usage model centres on (it reports about half the CPU, 70% of the memory). */
const SYSTEM = { cpuRequestMilli: 120, memoryRequestBytes: 640 * 1024 * 1024 };
const CONTROL_PLANE = { cpuRequestMilli: 500, memoryRequestBytes: 1536 * 1024 * 1024 };

/** The node's own usage besides its pods: drifting and noisy like a container's, busy after boot. */
export function systemOverhead(nodeName: string, controlPlane: boolean, bootedAt: Date, now: Date): ContainerUsage {
  return modelUsage({ seed: seedOf(`node/${nodeName}`), ...(controlPlane ? CONTROL_PLANE : SYSTEM) }, bootedAt, now);
}

/** Node usage: the system's plus every running container's. */
export function nodeUsage(system: ContainerUsage, pods: PodStats[]): ContainerUsage {
  let cpu = system.cpuMillicores;
  let memory = system.memoryBytes;
  for (const p of pods) {
    for (const c of p.containers) {
      cpu += c.usage.cpuMillicores;
      memory += c.usage.memoryBytes;
    }
  }
  return { cpuMillicores: cpu, memoryBytes: memory };
}
