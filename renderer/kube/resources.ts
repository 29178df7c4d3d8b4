// The kinds the sidebar shows, grouped as Lens and Headlamp do.
export interface ResourceKind {
  /** Route id, e.g. 'pods'. */
  id: string;
  label: string;
  group: string;
  version: string;
  /** Plural resource name in the API path. */
  resource: string;
  namespaced: boolean;
}

export interface ResourceSection {
  title: string;
  kinds: ResourceKind[];
}

const kind = (label: string, group: string, version: string, resource: string, namespaced: boolean, id = resource): ResourceKind => ({
  id,
  label,
  group,
  version,
  resource,
  namespaced,
});

export const SECTIONS: ResourceSection[] = [
  {
    title: 'Cluster',
    kinds: [kind('Nodes', '', 'v1', 'nodes', false), kind('Namespaces', '', 'v1', 'namespaces', false), kind('Events', '', 'v1', 'events', true)],
  },
  {
    title: 'Workloads',
    kinds: [
      kind('Pods', '', 'v1', 'pods', true),
      kind('Deployments', 'apps', 'v1', 'deployments', true),
      kind('StatefulSets', 'apps', 'v1', 'statefulsets', true),
      kind('DaemonSets', 'apps', 'v1', 'daemonsets', true),
      kind('ReplicaSets', 'apps', 'v1', 'replicasets', true),
      kind('Jobs', 'batch', 'v1', 'jobs', true),
      kind('CronJobs', 'batch', 'v1', 'cronjobs', true),
    ],
  },
  {
    title: 'Network',
    kinds: [
      kind('Services', '', 'v1', 'services', true),
      kind('Ingresses', 'networking.k8s.io', 'v1', 'ingresses', true),
      kind('EndpointSlices', 'discovery.k8s.io', 'v1', 'endpointslices', true),
      kind('NetworkPolicies', 'networking.k8s.io', 'v1', 'networkpolicies', true),
    ],
  },
  {
    title: 'Config',
    kinds: [kind('ConfigMaps', '', 'v1', 'configmaps', true), kind('Secrets', '', 'v1', 'secrets', true)],
  },
  {
    title: 'Storage',
    kinds: [
      kind('PersistentVolumeClaims', '', 'v1', 'persistentvolumeclaims', true),
      kind('PersistentVolumes', '', 'v1', 'persistentvolumes', false),
      kind('StorageClasses', 'storage.k8s.io', 'v1', 'storageclasses', false),
    ],
  },
  {
    title: 'Access',
    kinds: [
      kind('ServiceAccounts', '', 'v1', 'serviceaccounts', true),
      kind('Roles', 'rbac.authorization.k8s.io', 'v1', 'roles', true),
      kind('RoleBindings', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true),
      kind('ClusterRoles', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false),
      kind('ClusterRoleBindings', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false),
    ],
  },
];

export const ALL_KINDS = SECTIONS.flatMap((s) => s.kinds);

export function findKind(id: string): ResourceKind | undefined {
  return ALL_KINDS.find((k) => k.id === id);
}

/** The collection path, scoped to a namespace when one is given and the kind is namespaced. */
export function collectionPath(kind: ResourceKind, namespace = ''): string {
  const base = kind.group ? `/apis/${kind.group}/${kind.version}` : `/api/${kind.version}`;
  const ns = kind.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${kind.resource}`;
}

export function objectPath(kind: ResourceKind, name: string, namespace = ''): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}

/** 'Ingresses' → 'Ingress', 'NetworkPolicies' → 'NetworkPolicy', 'Pods' → 'Pod'. */
export function singular(label: string): string {
  if (label.endsWith('ies')) return label.slice(0, -3) + 'y';
  if (label.endsWith('sses')) return label.slice(0, -2);
  return label.replace(/s$/, '');
}
