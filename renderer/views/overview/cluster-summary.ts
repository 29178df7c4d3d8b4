// The overview's figures, from the objects themselves: nodes Ready, pods by phase, and CPU and
// memory requested against allocatable, counted as `kubectl describe node` counts them.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../kube/quantity';

export const PHASES = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'] as const;
export type Phase = (typeof PHASES)[number];

export interface Capacity {
  cpu: number;
  memory: number;
}

export function isNodeReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function nodesReady(nodes: Node[]): { ready: number; total: number } {
  return { ready: nodes.filter(isNodeReady).length, total: nodes.length };
}

/** Pods by phase, of one namespace or ('') all. */
export function podsByPhase(pods: Iterable<Pod>, namespace = ''): Record<Phase, number> {
  const counts = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  for (const pod of pods) {
    if (namespace && pod.metadata?.namespace !== namespace) continue;
    const phase = (pod.status?.phase ?? 'Pending') as Phase;
    counts[PHASES.includes(phase) ? phase : 'Unknown']++;
  }
  return counts;
}

const quantity = (list: Record<string, string> | undefined, name: string) => (list?.[name] ? parseQuantity(list[name]) : 0);

function requestsOf(containers: Container[] | undefined, name: string): number[] {
  return (containers ?? []).map((c) => quantity(c.resources?.requests, name));
}

/** A pod's request for one resource, as the scheduler counts it: the larger of its containers'
 *  sum and each init container's need (sidecars, restartPolicy Always, keep running and add
 *  up), plus the pod overhead. */
export function podRequest(pod: Pod, name: keyof Capacity): number {
  const spec = pod.spec;
  if (!spec) return 0;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let sidecars = 0;
  let initPeak = 0;
  (spec.initContainers ?? []).forEach((c, i) => {
    const request = requestsOf(spec.initContainers, name)[i];
    if (c.restartPolicy === 'Always') sidecars += request;
    else initPeak = Math.max(initPeak, sidecars + request);
  });
  return Math.max(sum(requestsOf(spec.containers, name)) + sidecars, initPeak) + quantity(spec.overhead, name);
}

/** Pods that hold their node's resources: bound and not finished. */
export function holdsResources(pod: Pod): boolean {
  return !!pod.spec?.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export function requested(pods: Iterable<Pod>): Capacity {
  const total = { cpu: 0, memory: 0 };
  for (const pod of pods) {
    if (!holdsResources(pod)) continue;
    total.cpu += podRequest(pod, 'cpu');
    total.memory += podRequest(pod, 'memory');
  }
  return total;
}

export function allocatable(nodes: Node[]): Capacity {
  return {
    cpu: nodes.reduce((a, n) => a + quantity(n.status?.allocatable, 'cpu'), 0),
    memory: nodes.reduce((a, n) => a + quantity(n.status?.allocatable, 'memory'), 0),
  };
}
