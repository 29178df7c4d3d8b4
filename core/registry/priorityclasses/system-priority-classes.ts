// The two built-in PriorityClasses kube-apiserver creates at start-up (if missing).
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Registry } from '../registry';
import type { KubeObject } from '../../machinery/object';

export const SYSTEM_PRIORITY_CLASSES: PriorityClass[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** Creates whichever built-in class is missing; call once the API server's resources are registered. */
export async function ensureSystemPriorityClasses(registry: Registry): Promise<void> {
  const store = registry.storeFor('scheduling.k8s.io', 'priorityclasses');
  if (!store) return;
  const user = { username: 'system:apiserver', groups: ['system:masters'] };
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    if (store.find(undefined, pc.metadata!.name!)) continue;
    await store.create(undefined, structuredClone(pc) as unknown as KubeObject, { user, fieldManager: 'kube-apiserver' });
  }
}
