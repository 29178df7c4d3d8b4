// The API writes behind the node page's actions, the same ones kubectl cordon/uncordon and
// `wheelhouse node stop|start` (core/nodes/node-command.ts) make.
import type { Pod } from 'kubernetes-types/core/v1';
import { kubeRequest } from '../../kube/api';
import { explained } from '../../kube/api-errors';

/** Marks a node Wheelhouse runs a kubelet for; only those can be stopped and started. */
export const MANAGED_ANNOTATION = 'wheelhouse.dev/managed';
/** The desired state of a managed node's machine: "running" (default) or "stopped". */
export const STATE_ANNOTATION = 'wheelhouse.dev/state';

const nodePath = (name: string) => `/api/v1/nodes/${encodeURIComponent(name)}`;

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
