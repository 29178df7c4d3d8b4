// Imperative kubectl (`create <kind>`, which sends protobuf bodies), label, annotate, delete
// that waits (finalizers, namespaces with their contents) and optimistic concurrency
// (a stale `replace` gets the real Conflict).
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, uniqueName, useCluster, watchLines } from './compat-cluster';

const b64 = (s: string) => Buffer.from(s).toString('base64');

interface CreateCase {
  name: string;
  /** Arguments after `create`; NS is replaced by the test's namespace, X by a unique name. */
  args: string[];
  printed: string;
  /** jsonpath checks on the stored object: [resource, jsonpath, expected]. */
  checks: [string, string, string][];
}

const createCases: CreateCase[] = [
  {
    name: 'namespace',
    args: ['namespace', 'X'],
    printed: 'namespace/X created',
    checks: [['namespace/X', '{.status.phase}', 'Active']],
  },
  {
    name: 'configmap --from-literal',
    args: ['configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=two', '-n', 'NS'],
    printed: 'configmap/cfg created',
    checks: [['configmap/cfg', '{.data.a},{.data.b}', '1,two']],
  },
  {
    name: 'secret generic',
    args: ['secret', 'generic', 'creds', '--from-literal=password=s3cr3t', '-n', 'NS'],
    printed: 'secret/creds created',
    checks: [['secret/creds', '{.type} {.data.password}', `Opaque ${b64('s3cr3t')}`]],
  },
  {
    name: 'deployment',
    args: ['deployment', 'web', '--image=nginx:1.8', '--replicas=2', '-n', 'NS'],
    printed: 'deployment.apps/web created',
    checks: [
      ['deployment/web', '{.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.selector.matchLabels.app}', '2 nginx:1.8 web'],
      // Defaults a real API server applies.
      ['deployment/web', '{.spec.strategy.type} {.spec.revisionHistoryLimit} {.spec.progressDeadlineSeconds}', 'RollingUpdate 10 600'],
    ],
  },
  {
    name: 'service clusterip',
    args: ['service', 'clusterip', 'api', '--tcp=80:8080', '-n', 'NS'],
    printed: 'service/api created',
    checks: [['service/api', '{.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort}', 'ClusterIP 80 8080']],
  },
  {
    name: 'serviceaccount',
    args: ['serviceaccount', 'robot', '-n', 'NS'],
    printed: 'serviceaccount/robot created',
    checks: [['serviceaccount/robot', '{.metadata.name}', 'robot']],
  },
  {
    name: 'role',
    args: ['role', 'reader', '--verb=get,list', '--resource=pods', '-n', 'NS'],
    printed: 'role.rbac.authorization.k8s.io/reader created',
    checks: [['role/reader', '{.rules[0].verbs}', '["get","list"]']],
  },
  {
    name: 'rolebinding',
    args: ['rolebinding', 'read', '--role=reader', '--user=jane', '-n', 'NS'],
    printed: 'rolebinding.rbac.authorization.k8s.io/read created',
    checks: [['rolebinding/read', '{.roleRef.kind}/{.roleRef.name} {.subjects[0].name}', 'Role/reader jane']],
  },
  {
    name: 'clusterrole',
    args: ['clusterrole', 'X', '--verb=get', '--resource=nodes'],
    printed: 'clusterrole.rbac.authorization.k8s.io/X created',
    checks: [['clusterrole/X', '{.rules[0].resources[0]}', 'nodes']],
  },
  {
    name: 'job',
    args: ['job', 'once', '--image=busybox', '-n', 'NS', '--', 'echo', 'hi'],
    printed: 'job.batch/once created',
    checks: [['job/once', '{.spec.template.spec.containers[0].command}', '["echo","hi"]']],
  },
  {
    name: 'cronjob',
    args: ['cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '-n', 'NS', '--', 'date'],
    printed: 'cronjob.batch/tick created',
    checks: [['cronjob/tick', '{.spec.schedule} {.spec.concurrencyPolicy}', '*/1 * * * * Allow']],
  },
  {
    name: 'quota',
    args: ['quota', 'q', '--hard=pods=4,services=2', '-n', 'NS'],
    printed: 'resourcequota/q created',
    checks: [['resourcequota/q', '{.spec.hard.pods}', '4']],
  },
  {
    name: 'priorityclass',
    args: ['priorityclass', 'X', '--value=100', '--description=compat'],
    printed: 'priorityclass.scheduling.k8s.io/X created',
    checks: [['priorityclass/X', '{.value} {.preemptionPolicy}', '100 PreemptLowerPriority']],
  },
  {
    name: 'poddisruptionbudget',
    args: ['poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=1', '-n', 'NS'],
    printed: 'poddisruptionbudget.policy/pdb created',
    checks: [['pdb/pdb', '{.spec.minAvailable}', '1']],
  },
  {
    name: 'ingress',
    args: ['ingress', 'shop', '--rule=shop.example.com/=web:80', '-n', 'NS'],
    printed: 'ingress.networking.k8s.io/shop created',
    checks: [['ingress/shop', '{.spec.rules[0].host} {.spec.rules[0].http.paths[0].backend.service.name}', 'shop.example.com web']],
  },
];

describe.skipIf(!haveKubectl)('create, label, annotate, delete, conflicts', () => {
  const cluster = useCluster();

  it.each(createCases)('create $name', async (c) => {
    const ns = await newNamespace(cluster, 'create');
    const x = uniqueName('x');
    const fill = (s: string) => s.replace(/^NS$/, ns).replace(/\bX\b/, x);
    expect((await cluster.ok(['create', ...c.args.map(fill)])).trim()).toBe(fill(c.printed));
    for (const [ref, path, expected] of c.checks) {
      expect(await cluster.ok(['get', fill(ref), '-n', ns, '-o', `jsonpath=${path}`])).toBe(expected);
    }
  });

  it('create of an existing object is AlreadyExists', async () => {
    const ns = await newNamespace(cluster, 'exists');
    const cm = manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'twice', namespace: ns } });
    await cluster.ok(['create', '-f', '-'], { input: cm });
    const r = await cluster.run(['create', '-f', '-'], { input: cm });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (AlreadyExists): error when creating "STDIN": configmaps "twice" already exists');
  });

  it('create in a missing namespace is NotFound', async () => {
    const r = await cluster.run(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'no-such-ns' } }) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "no-such-ns" not found');
  });

  it('an invalid object is rejected with the field named', async () => {
    const ns = await newNamespace(cluster, 'invalid');
    const r = await cluster.run(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: ns } }) });
    expect(r.code).toBe(1);
    // kubectl prints Invalid errors in its own form, without "Error from server".
    expect(r.stderr.trim()).toBe(
      `The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('an unknown field is rejected (strict field validation)', async () => {
    const ns = await newNamespace(cluster, 'strict');
    const r = await cluster.run(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns }, spec: { x: 1 } }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown field "spec"/);
  });

  it("a value of the wrong type is refused as kubectl's own decoder refuses it, and describe keeps working", async () => {
    const ns = await newNamespace(cluster, 'typed');
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns, annotations: { a: 5 } } });
    const decodeError = 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string';
    // kubectl decodes built-in kinds itself before sending; --raw sends the body as it is.
    expect((await cluster.run(['create', '-f', '-'], { input })).stderr.trim()).toBe(`error: unable to decode "STDIN": ${decodeError}`);
    const raw = await cluster.run(['create', '--raw', `/api/v1/namespaces/${ns}/configmaps`, '-f', '-'], { input });
    expect(raw.code).toBe(1);
    expect(raw.stderr.trim()).toBe(`Error from server (BadRequest): ConfigMap in version "v1" cannot be handled as a ConfigMap: ${decodeError}`);
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', namespace: ns } }) });
    expect(await cluster.ok(['describe', 'configmaps', '-n', ns])).toMatch(/^Name:\s+ok$/m);
  });

  it('label: add, refuse to overwrite, overwrite, remove', async () => {
    const ns = await newNamespace(cluster, 'label');
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns } }) });
    expect((await cluster.ok(['label', 'configmap', 'c', 'env=prod', '-n', ns])).trim()).toBe('configmap/c labeled');
    const refused = await cluster.run(['label', 'configmap', 'c', 'env=dev', '-n', ns]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe("error: 'env' already has a value (prod), and --overwrite is false");
    await cluster.ok(['label', 'configmap', 'c', 'env=dev', '--overwrite', '-n', ns]);
    expect(await cluster.ok(['get', 'configmap', '-l', 'env=dev', '-n', ns, '-o', 'name'])).toBe('configmap/c\n');
    expect((await cluster.ok(['label', 'configmap', 'c', 'env-', '-n', ns])).trim()).toBe('configmap/c unlabeled');
    expect(await cluster.ok(['get', 'configmap', 'c', '-n', ns, '-o', 'jsonpath={.metadata.labels}'])).toBe('');
  });

  it('label --all and label of many objects', async () => {
    const ns = await newNamespace(cluster, 'labelall');
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns } });
    await cluster.ok(['create', '-f', '-'], { input: manifests(cm('a'), cm('b')) });
    // --all means every ConfigMap in the namespace, the root CA one its controller adds included.
    await cluster.ok(['wait', '--for=create', 'configmap/kube-root-ca.crt', '-n', ns, '--timeout=30s']);
    expect((await cluster.ok(['label', 'configmaps', '--all', 'team=blue', '-n', ns])).trim().split('\n')).toEqual([
      'configmap/a labeled',
      'configmap/b labeled',
      'configmap/kube-root-ca.crt labeled',
    ]);
    expect(await cluster.ok(['get', 'cm', '-l', 'team=blue', '-n', ns, '-o', 'name'])).toBe('configmap/a\nconfigmap/b\nconfigmap/kube-root-ca.crt\n');
  });

  it('annotate: add, overwrite, remove', async () => {
    const ns = await newNamespace(cluster, 'annotate');
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns } }) });
    expect((await cluster.ok(['annotate', 'cm', 'c', 'note=first draft', '-n', ns])).trim()).toBe('configmap/c annotated');
    await cluster.ok(['annotate', 'cm', 'c', 'note=final', '--overwrite', '-n', ns]);
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.metadata.annotations.note}'])).toBe('final');
    await cluster.ok(['annotate', 'cm', 'c', 'note-', '-n', ns]);
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.metadata.annotations}'])).toBe('');
  });

  it('delete waits while a finalizer holds the object, and returns once it is gone', async () => {
    const ns = await newNamespace(cluster, 'finalizer');
    await cluster.ok(['create', '-f', '-'], {
      input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: ns, finalizers: ['example.com/hold'] } }),
    });
    // kubectl delete prints "deleted" once the DELETE is accepted, then waits for the object to go.
    const deleting = watchLines(cluster, ['delete', 'cm', 'held', '-n', ns]);
    expect(await deleting.until((l) => l.length >= 1)).toEqual(['configmap "held" deleted']);
    // Still there, marked for deletion, and kubectl still waiting.
    expect(await cluster.ok(['get', 'cm', 'held', '-n', ns, '-o', 'jsonpath={.metadata.finalizers[0]}'])).toBe('example.com/hold');
    expect(await cluster.ok(['get', 'cm', 'held', '-n', ns, '-o', 'jsonpath={.metadata.deletionTimestamp}'])).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(deleting.exitCode()).toBeNull();

    await cluster.ok(['patch', 'cm', 'held', '-n', ns, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    expect(await deleting.exited).toBe(0);
    expect((await cluster.run(['get', 'cm', 'held', '-n', ns])).stderr.trim()).toBe('Error from server (NotFound): configmaps "held" not found');
  });

  it('delete of a namespace removes everything in it, then the namespace', async () => {
    const ns = await newNamespace(cluster, 'doomed');
    await cluster.ok(['create', '-f', '-'], {
      input: manifests(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns } },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: ns }, stringData: { k: 'v' } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns }, spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] } },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd', namespace: ns },
          spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] } } },
        },
      ),
    });
    expect((await cluster.ok(['delete', 'namespace', ns])).trim()).toBe(`namespace "${ns}" deleted`);
    const gone = await cluster.run(['get', 'namespace', ns]);
    expect(gone.stderr.trim()).toBe(`Error from server (NotFound): namespaces "${ns}" not found`);
    for (const kind of ['configmaps', 'secrets', 'pods', 'deployments']) {
      const r = await cluster.run(['get', kind, '-n', ns]);
      expect(r.code).toBe(0);
      expect(r.stderr.trim()).toBe(`No resources found in ${ns} namespace.`);
    }
  });

  it('creating in a terminating namespace is Forbidden', async () => {
    const ns = await newNamespace(cluster, 'terminating');
    // A finalizer on a member keeps the namespace in Terminating.
    await cluster.ok(['create', '-f', '-'], {
      input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: ns, finalizers: ['example.com/hold'] } }),
    });
    await cluster.ok(['delete', 'namespace', ns, '--wait=false']);
    expect(await cluster.ok(['get', 'namespace', ns, '-o', 'jsonpath={.status.phase}'])).toBe('Terminating');
    const r = await cluster.run(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: ns } }) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Error from server (Forbidden): error when creating "STDIN": configmaps "late" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    );
    await cluster.ok(['patch', 'cm', 'held', '-n', ns, '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']);
    const waited = await cluster.run(['wait', '--for=delete', `namespace/${ns}`, '--timeout=30s']);
    expect(waited.code, waited.stderr).toBe(0);
  });

  it('two replaces of the same stale object: the second is a Conflict', async () => {
    const ns = await newNamespace(cluster, 'conflict');
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns }, data: { v: '0' } }) });
    const stale = await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'yaml']);
    expect(stale).toMatch(/resourceVersion: "\d+"/);
    const first = stale.replace("v: \"0\"", 'v: "1"');
    expect((await cluster.ok(['replace', '-f', '-'], { input: first })).trim()).toBe('configmap/c replaced');
    const second = await cluster.run(['replace', '-f', '-'], { input: stale.replace("v: \"0\"", 'v: "2"') });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.data.v}'])).toBe('1');
  });

  it('replace --force deletes and recreates', async () => {
    const ns = await newNamespace(cluster, 'force');
    await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns }, data: { v: '0' } }) });
    const uid = await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
    const out = await cluster.ok(['replace', '--force', '-f', '-'], {
      input: manifests({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns }, data: { v: '9' } }),
    });
    expect(out.trim().split('\n')).toEqual(['configmap "c" deleted', 'configmap/c replaced']);
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.data.v}'])).toBe('9');
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.metadata.uid}'])).not.toBe(uid);
  });

  it('delete by label selector deletes only the matching objects', async () => {
    const ns = await newNamespace(cluster, 'dellabel');
    const cm = (name: string, app: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { app } } });
    await cluster.ok(['create', '-f', '-'], { input: manifests(cm('a', 'x'), cm('b', 'x'), cm('c', 'y')) });
    expect((await cluster.ok(['delete', 'cm', '-l', 'app=x', '-n', ns])).trim().split('\n')).toEqual(['configmap "a" deleted', 'configmap "b" deleted']);
    expect(await cluster.ok(['get', 'cm', '-n', ns, '-o', 'name', '-l', 'app'])).toBe('configmap/c\n');
  });
});
