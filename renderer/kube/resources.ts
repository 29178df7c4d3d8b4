// The kinds the sidebar shows, grouped as Lens and Headlamp do.
export interface ResourceKind {
  /** Route id: the plural for built-in kinds ('pods'), plural.group for custom ones. */
  id: string;
  label: string;
  /** The object's kind, as in involvedObject.kind and ownerReferences ('Pod'). */
  kind: string;
  group: string;
  version: string;
  /** Plural resource name in the API path. */
  resource: string;
  namespaced: boolean;
  /** Has a scale subresource (kubectl scale works on it). */
  scalable?: boolean;
}

export interface ResourceSection {
  title: string;
  kinds: ResourceKind[];
}

const kind = (label: string, kindName: string, group: string, version: string, resource: string, namespaced: boolean, scalable = false): ResourceKind => ({
  id: resource,
  label,
  kind: kindName,
  group,
  version,
  resource,
  namespaced,
  ...(scalable ? { scalable } : {}),
});

export const SECTIONS: ResourceSection[] = [
  {
    title: 'Cluster',
    kinds: [kind('Nodes', 'Node', '', 'v1', 'nodes', false), kind('Namespaces', 'Namespace', '', 'v1', 'namespaces', false), kind('Events', 'Event', '', 'v1', 'events', true)],
  },
  {
    title: 'Workloads',
    kinds: [
      kind('Pods', 'Pod', '', 'v1', 'pods', true),
      kind('Deployments', 'Deployment', 'apps', 'v1', 'deployments', true, true),
      kind('StatefulSets', 'StatefulSet', 'apps', 'v1', 'statefulsets', true, true),
      kind('DaemonSets', 'DaemonSet', 'apps', 'v1', 'daemonsets', true),
      kind('ReplicaSets', 'ReplicaSet', 'apps', 'v1', 'replicasets', true, true),
      kind('Jobs', 'Job', 'batch', 'v1', 'jobs', true),
      kind('CronJobs', 'CronJob', 'batch', 'v1', 'cronjobs', true),
    ],
  },
  {
    title: 'Network',
    kinds: [
      kind('Services', 'Service', '', 'v1', 'services', true),
      kind('Endpoints', 'Endpoints', '', 'v1', 'endpoints', true),
      kind('EndpointSlices', 'EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true),
      kind('Ingresses', 'Ingress', 'networking.k8s.io', 'v1', 'ingresses', true),
      kind('IngressClasses', 'IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false),
      kind('NetworkPolicies', 'NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true),
    ],
  },
  {
    title: 'Config',
    kinds: [
      kind('ConfigMaps', 'ConfigMap', '', 'v1', 'configmaps', true),
      kind('Secrets', 'Secret', '', 'v1', 'secrets', true),
      kind('ResourceQuotas', 'ResourceQuota', '', 'v1', 'resourcequotas', true),
      kind('LimitRanges', 'LimitRange', '', 'v1', 'limitranges', true),
      kind('HorizontalPodAutoscalers', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true),
      kind('PodDisruptionBudgets', 'PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true),
      kind('PriorityClasses', 'PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', false),
    ],
  },
  {
    title: 'Storage',
    kinds: [
      kind('PersistentVolumeClaims', 'PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true),
      kind('PersistentVolumes', 'PersistentVolume', '', 'v1', 'persistentvolumes', false),
      kind('StorageClasses', 'StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', false),
    ],
  },
  {
    title: 'Access',
    kinds: [
      kind('ServiceAccounts', 'ServiceAccount', '', 'v1', 'serviceaccounts', true),
      kind('Roles', 'Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true),
      kind('ClusterRoles', 'ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false),
      kind('RoleBindings', 'RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true),
      kind('ClusterRoleBindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false),
    ],
  },
  {
    title: 'Custom Resources',
    kinds: [kind('Definitions', 'CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false)],
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
