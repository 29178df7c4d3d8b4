// pods/binding (BindingREST): the scheduler's write that assigns a pod to a node, setting
// spec.nodeName and the PodScheduled condition at once.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { badRequest, conflict } from '../../machinery/status';
import { metaTime } from '../../machinery/meta-time';
import type { ResourceStore, WriteOptions } from '../generic/resource-store';
import { defaultPrinter } from '../printing/default-printer';
import type { ResourceDef } from '../types';

/** The older create-only bindings collection of a namespace (LegacyBindingREST): nothing is stored. */
export const BINDINGS: ResourceDef = {
  group: '',
  version: 'v1',
  kind: 'Binding',
  plural: 'bindings',
  singular: 'binding',
  namespaced: true,
  verbs: ['create'],
  strategy: {},
  printer: defaultPrinter(),
};

/** A Binding as it arrives (a decoded body: any field may be missing). */
export interface BindingBody {
  metadata?: { name?: string };
  target?: { kind?: string; name?: string };
}

/** Assigns a pod to the binding's target node; a pod being deleted or already assigned is a Conflict. */
export async function bindPod(pods: ResourceStore, namespace: string | undefined, podName: string, body: BindingBody, options: WriteOptions): Promise<void> {
  const node = body.target?.name;
  if (!node) throw badRequest('target.name: Required value');
  if (body.target?.kind && body.target.kind !== 'Node') throw badRequest(`target.kind: Unsupported value: "${body.target.kind}": supported values: "Node"`);
  await pods.guaranteedUpdate(
    namespace,
    podName,
    (current) => {
      const pod = current as Kube<Pod>;
      if (pod.metadata.deletionTimestamp) throw conflict(pods.def, podName, 'pod is being deleted, cannot be assigned to a host');
      if (pod.spec?.nodeName) throw conflict(pods.def, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
      pod.spec = { ...pod.spec!, nodeName: node };
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as undefined, lastTransitionTime: metaTime() });
      pod.status = { ...pod.status, conditions };
      return pod;
    },
    { ...options, subresource: 'binding', untracked: true },
  );
}

/** The older bindings collection (LegacyBindingREST): the pod is the one the Binding names. */
export async function bindNamedPod(pods: ResourceStore, namespace: string, body: BindingBody, options: WriteOptions): Promise<void> {
  if (!body.metadata?.name) throw badRequest('metadata.name: Required value: name or generateName is required');
  await bindPod(pods, namespace, body.metadata.name, body, options);
}
