// Objects the controller manager keeps and the API server guards, through the real kubectl:
// default ServiceAccounts and tokens, the root CA ConfigMap, Service endpoints, quota, and
// cascading deletion (background and orphan) by ownerReferences.
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, useCluster, watchLines } from './compat-cluster';

const cluster = useCluster();

/** kubectl wait: watches until the condition holds (or 30 s pass). */
const wait = (...args: string[]) => cluster.ok(['wait', '--timeout=30s', ...args]);

const configMap = (ns: string, name: string, owner?: { name: string; uid: string }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, ...(owner ? { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', ...owner }] } : {}) },
});

describe.skipIf(!haveKubectl)('cluster objects (kubectl)', () => {
  it('a new namespace has the default ServiceAccount, and create token works for it', async () => {
    const ns = await newNamespace(cluster, 'sa');
    await wait('--for=create', 'sa/default', '-n', ns);
    const out = await cluster.ok(['get', 'sa', '-n', ns]);
    expect(out).toMatch(/^NAME\s+SECRETS\s+AGE\ndefault\s+0\s+\S+$/m);
    const token = (await cluster.ok(['create', 'token', 'default', '-n', ns])).trim();
    expect(token.split('.')).toHaveLength(3);
  });

  it('a new namespace has kube-root-ca.crt with the cluster CA', async () => {
    const ns = await newNamespace(cluster, 'ca');
    await wait('--for=create', 'cm/kube-root-ca.crt', '-n', ns);
    const pem = await cluster.ok(['get', 'cm', 'kube-root-ca.crt', '-n', ns, '-o', 'jsonpath={.data.ca\\.crt}']);
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
  });

  it('the kubernetes Service has endpoints at the API server', async () => {
    await wait('--for=jsonpath={.subsets[0].addresses[0].ip}=127.0.0.1', 'endpoints/kubernetes', '-n', 'default');
    await wait('--for=create', 'endpointslice/kubernetes', '-n', 'default');
    const slices = await cluster.ok(['get', 'endpointslices', '-n', 'default', '-l', 'kubernetes.io/service-name=kubernetes', '-o', 'name']);
    expect(slices.trim()).toBe('endpointslice.discovery.k8s.io/kubernetes');
  });

  it('a Service with a selector gets Endpoints and an EndpointSlice that describe shows', async () => {
    const ns = await newNamespace(cluster, 'svc');
    await cluster.ok(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '-n', ns]);
    await cluster.ok(['expose', 'deployment', 'web', '--port=80', '-n', ns]);
    await cluster.ok(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
    // A slice lists every pod with an IP, ready or not; Endpoints' addresses (which describe
    // prints) hold only ready ones, written by another controller: await both.
    const addr = String.raw`\d+\.\d+\.\d+\.\d+:80`;
    const awaitLine = async (args: string[], header: RegExp, row: RegExp) => {
      const w = watchLines(cluster, ['get', ...args, '-n', ns, '-w']);
      try {
        const lines = await w.until((l) => l.some((line) => row.test(line)));
        expect(lines[0]).toMatch(header);
      } finally {
        w.stop();
      }
    };
    await awaitLine(['endpointslices', '-l', 'kubernetes.io/service-name=web'], /^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE/, /^web-\S+\s+IPv4\s+80\s+\S+,\S+/);
    await awaitLine(['endpoints', '--field-selector', 'metadata.name=web'], /^NAME\s+ENDPOINTS\s+AGE/, new RegExp(`^web\\s+${addr},${addr}\\s`));
    const described = await cluster.ok(['describe', 'svc', 'web', '-n', ns]);
    expect(described).toMatch(new RegExp(`^Endpoints:\\s+${addr},${addr}$`, 'm'));
  });

  it('a create over quota is refused with the quota numbers; describe quota shows usage', async () => {
    const ns = await newNamespace(cluster, 'quota');
    await cluster.ok(['create', 'quota', 'small', '--hard=configmaps=3,secrets=1', '-n', ns]);
    // kube-root-ca.crt counts: wait until the quota has seen it.
    await wait('--for=jsonpath={.status.used.configmaps}=1', 'quota/small', '-n', ns);
    await cluster.ok(['create', 'secret', 'generic', 's1', '--from-literal=a=b', '-n', ns]);
    const refused = await cluster.run(['create', 'secret', 'generic', 's2', '--from-literal=a=b', '-n', ns]);
    expect(refused.code).not.toBe(0);
    // `create secret` words its own prefix; `create -f` shows the server's error as is.
    expect(refused.stderr.trim()).toBe(
      'error: failed to create secret secrets "s2" is forbidden: exceeded quota: small, requested: secrets=1, used: secrets=1, limited: secrets=1',
    );
    await cluster.ok(['create', 'cm', 'c2', '-n', ns]);
    await cluster.ok(['create', 'cm', 'c3', '-n', ns]);
    const overMaps = await cluster.run(['create', '-f', '-'], { input: manifests(configMap(ns, 'c4')) });
    expect(overMaps.stderr.trim()).toBe(
      'Error from server (Forbidden): error when creating "STDIN": configmaps "c4" is forbidden: exceeded quota: small, requested: configmaps=1, used: configmaps=3, limited: configmaps=3',
    );
    const described = await cluster.ok(['describe', 'quota', 'small', '-n', ns]);
    expect(described).toMatch(/^Resource\s+Used\s+Hard$/m);
    expect(described).toMatch(/^configmaps\s+3\s+3$/m);
    expect(described).toMatch(/^secrets\s+1\s+1$/m);
  });

  it('delete cascades to dependents in the background, and --cascade=orphan keeps them', async () => {
    const ns = await newNamespace(cluster, 'gc');
    for (const [owner, child] of [['owner-a', 'child-a'], ['owner-b', 'child-b']] as const) {
      await cluster.ok(['create', '-f', '-'], { input: manifests(configMap(ns, owner)) });
      const uid = await cluster.ok(['get', 'cm', owner, '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
      await cluster.ok(['create', '-f', '-'], { input: manifests(configMap(ns, child, { name: owner, uid })) });
    }
    expect(await cluster.ok(['delete', 'cm', 'owner-a', '-n', ns])).toContain('configmap "owner-a" deleted');
    await wait('--for=delete', 'cm/child-a', '-n', ns);

    expect(await cluster.ok(['delete', 'cm', 'owner-b', '--cascade=orphan', '-n', ns])).toContain('configmap "owner-b" deleted');
    await wait('--for=delete', 'cm/owner-b', '-n', ns);
    expect(await cluster.ok(['get', 'cm', 'child-b', '-n', ns, '-o', 'jsonpath={.metadata.ownerReferences}'])).toBe('');
  });

  it('delete --cascade=foreground waits for dependents before the owner goes', async () => {
    const ns = await newNamespace(cluster, 'fg');
    await cluster.ok(['create', '-f', '-'], { input: manifests(configMap(ns, 'owner')) });
    const uid = await cluster.ok(['get', 'cm', 'owner', '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
    const child = configMap(ns, 'child', { name: 'owner', uid });
    (child.metadata.ownerReferences![0] as Record<string, unknown>).blockOwnerDeletion = true;
    await cluster.ok(['create', '-f', '-'], { input: manifests(child) });
    expect(await cluster.ok(['delete', 'cm', 'owner', '--cascade=foreground', '-n', ns])).toContain('configmap "owner" deleted');
    // kubectl's delete waits for the owner only; by then its blocking dependent was gone.
    await wait('--for=delete', 'cm/owner', '-n', ns);
    expect((await cluster.run(['get', 'cm', 'child', '-n', ns])).stderr).toContain('configmaps "child" not found');
  });

  it('delete deployment removes its ReplicaSets and pods; --cascade=orphan keeps them', async () => {
    const ns = await newNamespace(cluster, 'deploy');
    await cluster.ok(['create', 'deployment', 'gone', '--image=nginx', '--replicas=2', '-n', ns]);
    await cluster.ok(['create', 'deployment', 'kept', '--image=nginx', '--replicas=1', '-n', ns]);
    await wait('--for=condition=Available', 'deployment/gone', 'deployment/kept', '-n', ns);
    await cluster.ok(['delete', 'deployment', 'gone', '-n', ns]);
    await wait('--for=delete', 'rs,pods', '-l', 'app=gone', '-n', ns);
    await cluster.ok(['delete', 'deployment', 'kept', '--cascade=orphan', '-n', ns]);
    await wait('--for=delete', 'deployment/kept', '-n', ns);
    const rs = await cluster.ok(['get', 'rs', '-n', ns, '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences}{"\\n"}{end}']);
    expect(rs.trim()).toMatch(/^kept-\S+$/);
    expect(await cluster.ok(['get', 'pods', '-l', 'app=kept', '-n', ns, '-o', 'name'])).toMatch(/^pod\/kept-/);
  });
});
