// Every built-in kind through the real kubectl: `create -f -` from a manifest, `get` with the
// exact columns a real API server prints, `describe`, `delete`, and NotFound afterwards.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { headerOf, manifests, newNamespace, rowNamed, uniqueName, useCluster } from './compat-cluster';

interface KindCase {
  /** What `kubectl get` takes. */
  resource: string;
  /** `<resource>.<group>` as the server names it in NotFound. */
  qualified: string;
  /** `<kind lowercased>.<group>` as kubectl names it in "created"/"deleted". */
  printed: string;
  namespaced: boolean;
  manifest: (name: string, ns: string) => object;
  header: string[];
  /** Cells the object's row must hold besides its name. */
  cells: string[];
  /** kubectl args that return once the controllers and kubelets have brought the object to the
   *  steady state its cells show (a real cluster's, not a bare store's). */
  settle?: (name: string) => string[];
}

const labels = { app: 'web' };
const podSpec = { containers: [{ name: 'c', image: 'nginx:1.8' }] };
const template = { metadata: { labels }, spec: podSpec };
const meta = (name: string, ns: string) => ({ name, namespace: ns });
const when = '2024-01-01T00:00:00Z';

const cases: KindCase[] = [
  {
    resource: 'namespaces',
    qualified: 'namespaces',
    printed: 'namespace',
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
    header: ['NAME', 'STATUS', 'AGE'],
    cells: ['Active'],
  },
  {
    resource: 'pods',
    qualified: 'pods',
    printed: 'pod',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta(name, ns), spec: podSpec }),
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    cells: ['1/1', 'Running', '0'],
    settle: (name) => ['wait', '--for=condition=Ready', `pod/${name}`],
  },
  {
    resource: 'services',
    qualified: 'services',
    printed: 'service',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name, ns), spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } }),
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    cells: ['ClusterIP', '<none>', '80/TCP'],
  },
  {
    resource: 'endpoints',
    qualified: 'endpoints',
    printed: 'endpoints',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta(name, ns), subsets: [{ addresses: [{ ip: '10.1.0.5' }], ports: [{ port: 80 }] }] }),
    header: ['NAME', 'ENDPOINTS', 'AGE'],
    cells: ['10.1.0.5:80'],
  },
  {
    resource: 'configmaps',
    qualified: 'configmaps',
    printed: 'configmap',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, ns), data: { a: '1', b: '2' } }),
    header: ['NAME', 'DATA', 'AGE'],
    cells: ['2'],
  },
  {
    resource: 'secrets',
    qualified: 'secrets',
    printed: 'secret',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, ns), type: 'Opaque', stringData: { user: 'admin' } }),
    header: ['NAME', 'TYPE', 'DATA', 'AGE'],
    cells: ['Opaque', '1'],
  },
  {
    resource: 'serviceaccounts',
    qualified: 'serviceaccounts',
    printed: 'serviceaccount',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(name, ns) }),
    header: ['NAME', 'SECRETS', 'AGE'],
    cells: ['0'],
  },
  {
    resource: 'events',
    qualified: 'events',
    printed: 'event',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta(name, ns),
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: ns },
      reason: 'Tested',
      message: 'hello from the test',
      type: 'Normal',
      firstTimestamp: when,
      lastTimestamp: when,
      source: { component: 'compat' },
    }),
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    cells: ['Normal', 'Tested', 'pod/web-1', 'hello from the test'],
  },
  {
    resource: 'nodes',
    qualified: 'nodes',
    printed: 'node',
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'node-role.kubernetes.io/worker': '' } } }),
    header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    cells: ['Unknown', 'worker'],
  },
  {
    resource: 'persistentvolumes',
    qualified: 'persistentvolumes',
    printed: 'persistentvolume',
    namespaced: false,
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/tmp/pv' } },
    }),
    header: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    cells: ['1Gi', 'RWO', 'Retain', 'Pending', '<unset>'],
  },
  {
    resource: 'persistentvolumeclaims',
    qualified: 'persistentvolumeclaims',
    printed: 'persistentvolumeclaim',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(name, ns),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'manual' },
    }),
    header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    cells: ['Pending', 'manual', '<unset>'],
  },
  {
    resource: 'resourcequotas',
    qualified: 'resourcequotas',
    printed: 'resourcequota',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta(name, ns), spec: { hard: { pods: '10', 'limits.cpu': '2' } } }),
    header: ['NAME', 'REQUEST', 'LIMIT', 'AGE'],
    cells: [],
  },
  {
    resource: 'limitranges',
    qualified: 'limitranges',
    printed: 'limitrange',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: meta(name, ns), spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] } }),
    header: ['NAME', 'CREATED AT'],
    cells: [],
  },
  {
    resource: 'deployments',
    qualified: 'deployments.apps',
    printed: 'deployment.apps',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, ns), spec: { replicas: 2, selector: { matchLabels: labels }, template } }),
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    cells: ['2/2', '2'],
    settle: (name) => ['rollout', 'status', `deployment/${name}`],
  },
  {
    resource: 'replicasets',
    qualified: 'replicasets.apps',
    printed: 'replicaset.apps',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta(name, ns), spec: { replicas: 2, selector: { matchLabels: labels }, template } }),
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    cells: ['2'],
    settle: (name) => ['wait', '--for=jsonpath={.status.readyReplicas}=2', `replicaset/${name}`],
  },
  {
    resource: 'statefulsets',
    qualified: 'statefulsets.apps',
    printed: 'statefulset.apps',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(name, ns),
      spec: { serviceName: 'web', replicas: 3, selector: { matchLabels: labels }, template },
    }),
    header: ['NAME', 'READY', 'AGE'],
    cells: ['3/3'],
    settle: (name) => ['rollout', 'status', `statefulset/${name}`],
  },
  {
    resource: 'daemonsets',
    qualified: 'daemonsets.apps',
    printed: 'daemonset.apps',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta(name, ns), spec: { selector: { matchLabels: labels }, template } }),
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    // One pod per worker: the control-plane node's NoSchedule taint keeps it off there.
    cells: ['2', '<none>'],
    settle: (name) => ['rollout', 'status', `daemonset/${name}`],
  },
  {
    resource: 'controllerrevisions',
    qualified: 'controllerrevisions.apps',
    printed: 'controllerrevision.apps',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta(name, ns), revision: 3, data: { spec: { template } } }),
    header: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
    cells: ['<none>', '3'],
  },
  {
    resource: 'jobs',
    qualified: 'jobs.batch',
    printed: 'job.batch',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(name, ns),
      spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers: podSpec.containers } } },
    }),
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    cells: ['0/1'],
  },
  {
    resource: 'cronjobs',
    qualified: 'cronjobs.batch',
    printed: 'cronjob.batch',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(name, ns),
      spec: { schedule: '*/5 * * * *', suspend: true, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: podSpec.containers } } } } },
    }),
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    cells: ['*/5 * * * *', '<none>', 'True', '0'],
  },
  {
    resource: 'horizontalpodautoscalers',
    qualified: 'horizontalpodautoscalers.autoscaling',
    printed: 'horizontalpodautoscaler.autoscaling',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(name, ns),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    }),
    header: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    cells: ['Deployment/web', 'cpu: <unknown>/50%', '1', '5', '0'],
  },
  {
    resource: 'ingresses',
    qualified: 'ingresses.networking.k8s.io',
    printed: 'ingress.networking.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(name, ns),
      spec: {
        rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      },
    }),
    header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    cells: ['<none>', 'shop.example.com', '80'],
  },
  {
    resource: 'ingressclasses',
    qualified: 'ingressclasses.networking.k8s.io',
    printed: 'ingressclass.networking.k8s.io',
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec: { controller: 'example.com/ingress' } }),
    header: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    cells: ['example.com/ingress', '<none>'],
  },
  {
    resource: 'storageclasses',
    qualified: 'storageclasses.storage.k8s.io',
    printed: 'storageclass.storage.k8s.io',
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: 'example.com/disk' }),
    header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    cells: ['example.com/disk', 'Delete', 'Immediate', 'false'],
  },
  {
    resource: 'roles',
    qualified: 'roles.rbac.authorization.k8s.io',
    printed: 'role.rbac.authorization.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(name, ns),
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
    }),
    header: ['NAME', 'CREATED AT'],
    cells: [],
  },
  {
    resource: 'rolebindings',
    qualified: 'rolebindings.rbac.authorization.k8s.io',
    printed: 'rolebinding.rbac.authorization.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(name, ns),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' }],
    }),
    header: ['NAME', 'ROLE', 'AGE'],
    cells: ['Role/reader'],
  },
  {
    resource: 'clusterroles',
    qualified: 'clusterroles.rbac.authorization.k8s.io',
    printed: 'clusterrole.rbac.authorization.k8s.io',
    namespaced: false,
    manifest: (name) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
    }),
    header: ['NAME', 'CREATED AT'],
    cells: [],
  },
  {
    resource: 'clusterrolebindings',
    qualified: 'clusterrolebindings.rbac.authorization.k8s.io',
    printed: 'clusterrolebinding.rbac.authorization.k8s.io',
    namespaced: false,
    manifest: (name) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' }],
    }),
    header: ['NAME', 'ROLE', 'AGE'],
    cells: ['ClusterRole/view'],
  },
  {
    resource: 'poddisruptionbudgets',
    qualified: 'poddisruptionbudgets.policy',
    printed: 'poddisruptionbudget.policy',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(name, ns), spec: { minAvailable: 1, selector: { matchLabels: labels } } }),
    header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    cells: ['1', 'N/A', '0'],
  },
  {
    resource: 'leases',
    qualified: 'leases.coordination.k8s.io',
    printed: 'lease.coordination.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta(name, ns), spec: { holderIdentity: 'leader-a', leaseDurationSeconds: 15 } }),
    header: ['NAME', 'HOLDER', 'AGE'],
    cells: ['leader-a'],
  },
  {
    resource: 'endpointslices',
    qualified: 'endpointslices.discovery.k8s.io',
    printed: 'endpointslice.discovery.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { ...meta(name, ns), labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.1.0.7'] }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    }),
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    cells: ['IPv4', '80', '10.1.0.7'],
  },
  {
    resource: 'events.events.k8s.io',
    qualified: 'events.events.k8s.io',
    printed: 'event.events.k8s.io',
    namespaced: true,
    manifest: (name, ns) => ({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: meta(name, ns),
      eventTime: '2024-01-01T00:00:00.000000Z',
      reportingController: 'example.com/compat',
      reportingInstance: 'compat-1',
      action: 'Testing',
      reason: 'Checked',
      note: 'new-style event',
      type: 'Warning',
      regarding: { kind: 'Pod', name: 'web-2', namespace: ns },
    }),
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    cells: ['Warning', 'Checked', 'pod/web-2', 'new-style event'],
  },
  {
    resource: 'priorityclasses',
    qualified: 'priorityclasses.scheduling.k8s.io',
    printed: 'priorityclass.scheduling.k8s.io',
    namespaced: false,
    manifest: (name) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: 1000, description: 'compat' }),
    header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    cells: ['1000', 'false', 'PreemptLowerPriority'],
  },
];

describe.skipIf(!haveKubectl)('every built-in kind: create, get, describe, delete', () => {
  const cluster = useCluster();

  it.each(cases)('$resource', async (c) => {
    const ns = await newNamespace(cluster, 'kinds');
    // Cluster-scoped names are global: keep them unique across files and reruns.
    const name = c.namespaced ? 'sample' : uniqueName('sample');
    const nsArgs = c.namespaced ? ['-n', ns] : [];

    expect((await cluster.ok(['create', '-f', '-'], { input: manifests(c.manifest(name, ns)) })).trim()).toBe(`${c.printed}/${name} created`);
    if (c.settle) await cluster.ok([...c.settle(name), ...nsArgs, '--timeout=60s']);

    const table = await cluster.ok(['get', c.resource, name, ...nsArgs]);
    expect(headerOf(table)).toEqual(c.header);
    // Events have no NAME column: find their row by the reason instead.
    const row = c.header[0] === 'NAME' ? rowNamed(table, name) : rowNamed(table, c.cells[1]!, 2);
    expect(row, table).toBeDefined();
    for (const cell of c.cells) expect(row, table).toContain(cell);

    const described = await cluster.ok(['describe', c.resource, name, ...nsArgs]);
    expect(described).toMatch(new RegExp(`^Name:\\s+${name}$`, 'm'));

    expect((await cluster.ok(['delete', c.resource, name, ...nsArgs])).trim()).toBe(`${c.printed} "${name}" deleted`);
    const gone = await cluster.run(['get', c.resource, name, ...nsArgs]);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim()).toBe(`Error from server (NotFound): ${c.qualified} "${name}" not found`);
  });
});
