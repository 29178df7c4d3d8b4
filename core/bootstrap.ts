// Objects every cluster has from its first start: the default RBAC policy, the four system
// namespaces and the `kubernetes` Service. Created only when missing, so a restart finds them as they were.
import type { ApiServer } from './apiserver/api-server';
import { wireCopy } from './apiserver/patch/json-value';
import { ApiError } from './apiserver/status';
import type { KubeObject } from './apiserver/object';
import type { UserInfo } from './registry/generic/resource-store';
import { defaultClusterRoleBindings, defaultClusterRoles } from './bootstrap-rbac';

const RBAC = 'rbac.authorization.k8s.io';
const SYSTEM: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] };

export interface BootstrapOptions {
  kubernetesServiceIp: string;
  apiPort: number;
}

async function ensure(api: ApiServer, group: string, plural: string, namespace: string | undefined, obj: KubeObject): Promise<void> {
  const rs = api.storeFor(group, plural)!;
  if (rs.find(namespace, obj.metadata.name!)) return;
  try {
    // A copy: the default roles are module constants, shared by every cluster in the process.
    await rs.create(namespace, wireCopy(obj), { user: SYSTEM, fieldManager: 'kube-apiserver' });
  } catch (e) {
    if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw e;
  }
}

export async function bootstrapObjects(api: ApiServer, opts: BootstrapOptions): Promise<void> {
  for (const role of defaultClusterRoles) await ensure(api, RBAC, 'clusterroles', undefined, role as unknown as KubeObject);
  for (const binding of defaultClusterRoleBindings) await ensure(api, RBAC, 'clusterrolebindings', undefined, binding as unknown as KubeObject);
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    await ensure(api, '', 'namespaces', undefined, { metadata: { name } });
  }
  await ensure(api, '', 'services', 'default', {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: opts.kubernetesServiceIp,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: opts.apiPort }],
      sessionAffinity: 'None',
    },
  });
}
