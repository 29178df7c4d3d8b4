// Test support for the StatefulSet and DaemonSet controllers, on top of the batch controllers'
// test cluster: Node objects, and the scheduler's and kubelet's parts (binding a pod, making
// it Running and Ready, finishing a graceful deletion).
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { bindPod } from '../../core/registry/pods/binding';
import { timestamp } from '../../core/client/clock';
import type { TestCluster } from './batch-cluster';

export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

export function createNode(t: TestCluster, name: string, opts: { controlPlane?: boolean; labels?: Record<string, string> } = {}): Promise<Kube<Node>> {
  return t.client.create<Node>('', 'nodes', undefined, {
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...opts.labels,
      },
    },
    spec: opts.controlPlane ? { taints: [CONTROL_PLANE_TAINT] } : {},
  });
}

/** The scheduler's part: binds the pod to node. */
export async function bind(t: TestCluster, pod: Kube<Pod>, node: string): Promise<void> {
  const pods = t.cluster.registry.storeFor('', 'pods')!;
  await bindPod(pods, pod.metadata.namespace, pod.metadata.name!, { target: { kind: 'Node', name: node } }, {
    user: { username: 'system:kube-scheduler', groups: ['system:masters'] },
  });
}

/** The kubelet's part: the pod runs and is Ready. */
export async function makeReady(t: TestCluster, pod: Kube<Pod>): Promise<void> {
  const now = timestamp(t.clock.now());
  await t.client.updateStatus<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (p) => {
    const others = (p.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
    p.status = { ...p.status, phase: 'Running', conditions: [...others, { type: 'Ready', status: 'True', lastTransitionTime: now }] };
  });
}

/** The kubelet's part of a graceful deletion: the pod is gone. */
export function removePod(t: TestCluster, pod: Kube<Pod>): Promise<void> {
  return t.client.delete('', 'pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
}
