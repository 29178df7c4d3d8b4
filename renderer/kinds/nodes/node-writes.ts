// The API writes behind the Nodes pages' actions, the same ones kubectl cordon/uncordon and
// `wheelhouse node add|stop|start` (core/nodes/node-command.ts) make.
import type { Pod } from 'kubernetes-types/core/v1';
import { kubeRequest } from '../../kube/api';
import { explained } from '../../kube/api-errors';

/** Marks a node Wheelhouse runs a kubelet for; only those can be stopped and started. */
export const MANAGED_ANNOTATION = 'wheelhouse.dev/managed';
/** The desired state of a managed node's machine: "running" (default) or "stopped". */
export const STATE_ANNOTATION = 'wheelhouse.dev/state';

const NODES = '/api/v1/nodes';
const nodePath = (name: string) => `${NODES}/${encodeURIComponent(name)}`;

/**
 * `wheelhouse node add`: a bare Node marked managed. The node manager gives it a podCIDR and a
 * kubelet, which registers the machine (labels, capacity, addresses, nodeInfo) as a real one does.
 */
export function addManagedNode(name: string): Promise<unknown> {
  const body = { apiVersion: 'v1', kind: 'Node', metadata: { name, annotations: { [MANAGED_ANNOTATION]: 'true' } } };
  return explained('create', NODES, () => kubeRequest({ method: 'POST', path: NODES, body }));
}

/** kubectl cordon/uncordon: a strategic merge patch; uncordon removes the field (null). */
export function setUnschedulable(name: string, unschedulable: boolean): Promise<unknown> {
  const path = nodePath(name);
  const body = { spec: { unschedulable: unschedulable ? true : null } };
  return explained('patch', path, () => kubeRequest({ method: 'PATCH', path, contentType: 'application/strategic-merge-patch+json', body }));
}

/** `wheelhouse node stop|start`: the desired-state annotation the node manager acts on. */
export function setMachineState(name: string, state: 'stopped' | 'running'): Promise<unknown> {
  const path = nodePath(name);
  const body = { metadata: { annotations: { [STATE_ANNOTATION]: state } } };
  return explained('patch', path, () => kubeRequest({ method: 'PATCH', path, contentType: 'application/merge-patch+json', body }));
}

/** The pods/eviction subresource kubectl drain posts to (policy/v1). */
export function evictPod(pod: Pod): Promise<unknown> {
  const { name = '', namespace = '' } = pod.metadata ?? {};
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/eviction`;
  const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } };
  return explained('create', path, () => kubeRequest({ method: 'POST', path, body }));
}
