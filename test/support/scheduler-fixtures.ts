// Nodes and pods for the scheduler's tests and benchmark: a Ready node with allocatable
// resources, as a kubelet would register it, and a pending pod with requests.
import type { Container, Node, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';

export interface NodeShape {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  extra?: Record<string, string>;
}

export function readyNode(name: string, s: NodeShape = {}): Kube<Node> {
  const allocatable = { cpu: s.cpu ?? '4', memory: s.memory ?? '8Gi', pods: s.pods ?? '110', ...s.extra };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...s.labels } },
    spec: { ...(s.taints ? { taints: s.taints } : {}), ...(s.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
}

export function pendingPod(name: string, requests: Record<string, string> = {}, spec: Partial<PodSpec> = {}, labels: Record<string, string> = {}, namespace = 'default'): Kube<Pod> {
  const container: Container = { name: 'c', image: 'nginx', ...(Object.keys(requests).length ? { resources: { requests } } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [container], ...spec },
  };
}
