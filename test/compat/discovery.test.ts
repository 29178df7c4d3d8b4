// Discovery as kubectl sees it: version, api-resources (short names, kinds, groups),
// api-versions, the kubeconfig's context, and explain (OpenAPI v3).
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { headerOf, rowNamed, useCluster } from './compat-cluster';

const groupVersions = [
  'v1',
  'apps/v1',
  'batch/v1',
  // Real clusters also serve HorizontalPodAutoscalers as autoscaling/v1; Wheelhouse serves the
  // preferred autoscaling/v2 only (no version conversion yet).
  'autoscaling/v2',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
  'networking.k8s.io/v1',
  'storage.k8s.io/v1',
  'rbac.authorization.k8s.io/v1',
  'policy/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'events.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'apiextensions.k8s.io/v1',
];

// NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND as `kubectl api-resources` prints them.
const resources: [string, string, string, string, string][] = [
  ['bindings', '', 'v1', 'true', 'Binding'],
  ['configmaps', 'cm', 'v1', 'true', 'ConfigMap'],
  ['endpoints', 'ep', 'v1', 'true', 'Endpoints'],
  ['events', 'ev', 'v1', 'true', 'Event'],
  ['limitranges', 'limits', 'v1', 'true', 'LimitRange'],
  ['namespaces', 'ns', 'v1', 'false', 'Namespace'],
  ['nodes', 'no', 'v1', 'false', 'Node'],
  ['persistentvolumeclaims', 'pvc', 'v1', 'true', 'PersistentVolumeClaim'],
  ['persistentvolumes', 'pv', 'v1', 'false', 'PersistentVolume'],
  ['pods', 'po', 'v1', 'true', 'Pod'],
  ['replicationcontrollers', 'rc', 'v1', 'true', 'ReplicationController'],
  ['resourcequotas', 'quota', 'v1', 'true', 'ResourceQuota'],
  ['secrets', '', 'v1', 'true', 'Secret'],
  ['serviceaccounts', 'sa', 'v1', 'true', 'ServiceAccount'],
  ['services', 'svc', 'v1', 'true', 'Service'],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', 'false', 'CustomResourceDefinition'],
  ['controllerrevisions', '', 'apps/v1', 'true', 'ControllerRevision'],
  ['daemonsets', 'ds', 'apps/v1', 'true', 'DaemonSet'],
  ['deployments', 'deploy', 'apps/v1', 'true', 'Deployment'],
  ['replicasets', 'rs', 'apps/v1', 'true', 'ReplicaSet'],
  ['statefulsets', 'sts', 'apps/v1', 'true', 'StatefulSet'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', 'true', 'HorizontalPodAutoscaler'],
  ['cronjobs', 'cj', 'batch/v1', 'true', 'CronJob'],
  ['jobs', '', 'batch/v1', 'true', 'Job'],
  ['leases', '', 'coordination.k8s.io/v1', 'true', 'Lease'],
  ['endpointslices', '', 'discovery.k8s.io/v1', 'true', 'EndpointSlice'],
  ['ingressclasses', '', 'networking.k8s.io/v1', 'false', 'IngressClass'],
  ['ingresses', 'ing', 'networking.k8s.io/v1', 'true', 'Ingress'],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', 'true', 'NetworkPolicy'],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', 'true', 'PodDisruptionBudget'],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', 'false', 'ClusterRoleBinding'],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', 'false', 'ClusterRole'],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', 'true', 'RoleBinding'],
  ['roles', '', 'rbac.authorization.k8s.io/v1', 'true', 'Role'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', 'false', 'PriorityClass'],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', 'false', 'StorageClass'],
];

describe.skipIf(!haveKubectl)('discovery', () => {
  const cluster = useCluster();

  it('version prints the client and a 1.32 server', async () => {
    const out = await cluster.ok(['version']);
    expect(out).toMatch(/^Client Version: v1\.32\./m);
    expect(out).toMatch(/^Server Version: v1\.32\.\d+\S*$/m);
    // Within one minor version: no skew warning.
    expect(out).not.toMatch(/WARNING/);
  });

  it('version -o json carries the server major and minor', async () => {
    const v = JSON.parse(await cluster.ok(['version', '-o', 'json'])) as { serverVersion: { major: string; minor: string; gitVersion: string } };
    expect(v.serverVersion).toMatchObject({ major: '1', minor: '32' });
  });

  it('api-versions lists every served group version', async () => {
    const out = (await cluster.ok(['api-versions'])).trim().split('\n');
    for (const gv of groupVersions) expect(out).toContain(gv);
    expect([...out].sort()).toEqual(out);
  });

  it('api-resources prints the header and every kind with its short names and group', async () => {
    const out = await cluster.ok(['api-resources']);
    expect(headerOf(out)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    for (const [name, short, apiVersion, namespaced, kind] of resources) {
      // An empty SHORTNAMES cell collapses into the padding, so match the line as a whole.
      const line = out.split('\n').find((l) => l.split(/\s+/)[0] === name && l.includes(` ${apiVersion} `));
      expect(line, `${name} in\n${out}`).toBeDefined();
      const expected = [name, ...(short ? [short] : []), apiVersion, namespaced, kind];
      expect(line!.trim().split(/\s+/)).toEqual(expected);
    }
  });

  it('events appear in both the core and the events.k8s.io group', async () => {
    const out = await cluster.ok(['api-resources', '--api-group=events.k8s.io', '-o', 'name']);
    expect(out.trim().split('\n')).toEqual(['events.events.k8s.io']);
  });

  it('api-resources --namespaced=false lists only cluster-scoped kinds', async () => {
    const out = (await cluster.ok(['api-resources', '--namespaced=false', '-o', 'name'])).trim().split('\n');
    expect(out).toEqual(expect.arrayContaining(['namespaces', 'nodes', 'persistentvolumes', 'clusterroles.rbac.authorization.k8s.io', 'storageclasses.storage.k8s.io']));
    expect(out).not.toContain('pods');
  });

  it('api-resources -o wide shows the verbs', async () => {
    const out = await cluster.ok(['api-resources', '-o', 'wide']);
    expect(headerOf(out)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES']);
    const pods = rowNamed(out, 'pods');
    expect(pods).toContain('create,delete,deletecollection,get,list,patch,update,watch');
    expect(pods).toContain('all');
  });

  it('short names resolve through discovery', async () => {
    const rows: [string, string][] = [
      ['po', 'No resources found in default namespace.'],
      ['deploy', 'No resources found in default namespace.'],
      ['cm', ''],
      ['sa', ''],
    ];
    for (const [short, stderr] of rows) {
      const r = await cluster.run(['get', short, '-n', 'default']);
      expect(r.code, `${short}: ${r.stderr}`).toBe(0);
      if (stderr) expect(r.stderr.trim()).toBe(stderr);
    }
    // The bootstrap objects: the kubernetes service and the system namespaces.
    expect(rowNamed(await cluster.ok(['get', 'svc', '-n', 'default']), 'kubernetes')).toBeDefined();
    const ns = await cluster.ok(['get', 'ns']);
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect(rowNamed(ns, name), ns).toEqual([name, 'Active', expect.any(String)]);
  });

  it('config current-context is wheelhouse', async () => {
    expect((await cluster.ok(['config', 'current-context'])).trim()).toBe('wheelhouse');
  });

  it('cluster-info names the control plane', async () => {
    const out = await cluster.ok(['cluster-info']);
    expect(out).toMatch(/Kubernetes control plane\S* is running at \S*https:\/\/127\.0\.0\.1:\d+/);
  });

  it('explain pods.spec.containers reads the OpenAPI schema', async () => {
    const out = await cluster.ok(['explain', 'pods.spec.containers']);
    expect(out).toMatch(/^KIND:\s+Pod$/m);
    expect(out).toMatch(/^VERSION:\s+v1$/m);
    expect(out).toMatch(/^FIELD: containers <\[\]Container>$/m);
    expect(out).toMatch(/^\s+image\s+<string>$/m);
    expect(out).toMatch(/^\s+name\s+<string> -required-$/m);
  });

  it('explain deployment.spec.replicas in the apps group', async () => {
    const out = await cluster.ok(['explain', 'deployment.spec.replicas']);
    expect(out).toMatch(/^GROUP:\s+apps$/m);
    expect(out).toMatch(/^FIELD: replicas <integer>$/m);
  });
});
