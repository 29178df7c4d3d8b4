// RBAC objects read straight from the registry's watch caches.
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Registry } from '../../registry/registry';
import type { RbacSource } from './rbac-authorizer';

const GROUP = 'rbac.authorization.k8s.io';

export function rbacFromRegistry(registry: Registry): RbacSource {
  const objects = <T>(plural: string, namespace?: string): T[] =>
    (registry.storeFor(GROUP, plural)?.list({ namespace }).items ?? []).map((c) => c.object as unknown as T);
  const one = <T>(plural: string, namespace: string | undefined, name: string): T | undefined =>
    registry.storeFor(GROUP, plural)?.find(namespace, name)?.object as unknown as T | undefined;
  return {
    clusterRoleBindings: () => objects<ClusterRoleBinding>('clusterrolebindings'),
    roleBindings: (namespace) => objects<RoleBinding>('rolebindings', namespace),
    clusterRole: (name) => one<ClusterRole>('clusterroles', undefined, name),
    role: (namespace, name) => one<Role>('roles', namespace, name),
  };
}
