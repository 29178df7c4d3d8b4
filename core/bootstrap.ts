// Objects every cluster has from its first start: the default RBAC policy, the four system
// namespaces and the `kubernetes` Service. Namespaces and the Service are created only when
// missing; the RBAC policy is reconciled at every start, so a data dir from an older version
// gains the rules it lacks.
import type { Registry } from './registry/registry';
import { wireCopy } from './machinery/json-value';
import { ApiError } from './machinery/status';
import type { KubeObject } from './machinery/object';
import type { ClusterRole, ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { UserInfo } from './registry/generic/resource-store';
import { defaultClusterRoleBindings, defaultClusterRoles } from './bootstrap-rbac';
import { reconcileClusterRole, reconcileClusterRoleBinding, type Reconciliation } from './rbac-reconcile';

const RBAC = 'rbac.authorization.k8s.io';
const SYSTEM: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };
const WRITE = { user: SYSTEM, fieldManager: 'kube-apiserver' };

export interface BootstrapOptions {
  kubernetesServiceIp: string;
  apiPort: number;
}

async function ensure(registry: Registry, group: string, plural: string, namespace: string | undefined, obj: KubeObject): Promise<void> {
  const rs = registry.storeFor(group, plural)!;
  if (rs.find(namespace, obj.metadata.name!)) return;
  try {
    // A copy: the default roles are module constants, shared by every cluster in the process.
    await rs.create(namespace, wireCopy(obj), WRITE);
  } catch (e) {
    if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw e;
  }
}

/** Creates a default RBAC object, or brings the stored one up to it (see rbac-reconcile.ts). */
async function reconcile<T extends ClusterRole | ClusterRoleBinding>(
  registry: Registry,
  plural: string,
  expected: T,
  compute: (existing: T, expected: T) => Reconciliation<T>,
): Promise<void> {
  const rs = registry.storeFor(RBAC, plural)!;
  const name = expected.metadata!.name!;
  const found = rs.find(undefined, name);
  if (!found) return ensure(registry, RBAC, plural, undefined, expected as KubeObject);
  const result = compute(found.object as unknown as T, expected);
  if (result.op === 'update') await rs.update(undefined, name, result.object as KubeObject, WRITE);
  if (result.op === 'recreate') {
    await rs.delete(undefined, name, { preconditions: { uid: found.object.metadata.uid } }, WRITE);
    const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, managedFields: _mf, ...metadata } = result.object.metadata!;
    await rs.create(undefined, { ...result.object, metadata } as KubeObject, WRITE);
  }
}

export async function bootstrapObjects(registry: Registry, opts: BootstrapOptions): Promise<void> {
  for (const role of defaultClusterRoles) await reconcile(registry, 'clusterroles', role, reconcileClusterRole);
  for (const binding of defaultClusterRoleBindings) await reconcile(registry, 'clusterrolebindings', binding, reconcileClusterRoleBinding);
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    await ensure(registry, '', 'namespaces', undefined, { metadata: { name } });
  }
  await ensure(registry, '', 'services', 'default', {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: opts.kubernetesServiceIp,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: opts.apiPort }],
      sessionAffinity: 'None',
    },
  });
}
