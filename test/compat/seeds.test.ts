// The kubectl commands from the product's source documents (/work/shared/seeds) that need
// nothing beyond the API server and its storage, run as written there.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { haveKubectl } from '../support/kubectl';
import { headerOf, manifests, rowNamed, rowsOf, useCluster } from './compat-cluster';

// The seeds use fixed namespace names; this file has its own cluster, so they are free.
const DASH = 'kubernetes-dashboard';
const APP = 'wd-audio-platform-local';

const deployment = (ns: string, name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, labels: { 'k8s-app': name } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { 'k8s-app': name } },
    template: { metadata: { labels: { 'k8s-app': name } }, spec: { containers: [{ name, image: 'kubernetesui/dashboard:v2.0.0-beta4', ports: [{ containerPort: 8443 }] }] } },
  },
});

const nodePortOf = (svc: string) => (JSON.parse(svc) as { spec: { ports: { nodePort: number }[] } }).spec.ports[0]!.nodePort;

describe.skipIf(!haveKubectl)('seed commands', () => {
  const cluster = useCluster();

  beforeAll(async () => {
    await cluster.ok(['create', '-f', '-'], {
      input: manifests(
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: DASH } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: APP } },
        deployment(DASH, 'kubernetes-dashboard'),
        deployment(APP, 'audio'),
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'audio-0', namespace: APP }, spec: { containers: [{ name: 'a', image: 'nginx:1.8' }] } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'audio-1', namespace: APP }, spec: { containers: [{ name: 'a', image: 'nginx:1.8' }] } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'audio', namespace: APP }, spec: { selector: { 'k8s-app': 'audio' }, ports: [{ port: 80 }] } },
      ),
    });
    // As on a real cluster the seeds' commands then see the Deployments' pods, all Running.
    for (const [ns, name] of [[DASH, 'kubernetes-dashboard'], [APP, 'audio']]) await cluster.ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=60s']);
    await cluster.ok(['wait', '--for=condition=Ready', 'pod/audio-0', 'pod/audio-1', '-n', APP, '--timeout=60s']);
  });

  /** A pod the audio Deployment's ReplicaSet made: <deployment>-<pod-template-hash>-<5 chars>. */
  const replicaPod = expect.stringMatching(/^audio-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

  it('kubectl create configmap test--config --from-literal=... then get -o yaml', async () => {
    const created = await cluster.ok(['create', 'configmap', 'test--config', '--from-literal=special.how=very', '--from-literal=special.type=charm']);
    expect(created.trim()).toBe('configmap/test--config created');
    const cm = yaml.load(await cluster.ok(['get', 'configmap', 'test--config', '-o', 'yaml'])) as Record<string, unknown> & { metadata: Record<string, unknown> };
    expect(Object.keys(cm).sort()).toEqual(['apiVersion', 'data', 'kind', 'metadata']);
    expect(cm).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { 'special.how': 'very', 'special.type': 'charm' } });
    expect(Object.keys(cm.metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'resourceVersion', 'uid']);
    expect(cm.metadata).toMatchObject({ name: 'test--config', namespace: 'default', resourceVersion: expect.stringMatching(/^\d+$/) });
  });

  it('kubectl get --all-namespaces deployments', async () => {
    const out = await cluster.ok(['get', '--all-namespaces', 'deployments']);
    expect(headerOf(out)).toEqual(['NAMESPACE', 'NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(rowNamed(out, 'kubernetes-dashboard', 1)?.slice(0, 5)).toEqual([DASH, 'kubernetes-dashboard', '1/1', '1', '1']);
    expect(rowNamed(out, 'audio', 1)?.[0]).toBe(APP);
  });

  it('kubectl get --namespace <ns> deployments.v1.apps', async () => {
    const out = await cluster.ok(['get', '--namespace', APP, 'deployments.v1.apps']);
    expect(headerOf(out)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(rowsOf(out).map((r) => r[0])).toEqual(['audio']);
  });

  it('kubectl get pods --all-namespaces -o wide', async () => {
    const out = await cluster.ok(['get', 'pods', '--all-namespaces', '-o', 'wide']);
    expect(headerOf(out)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(rowNamed(out, 'audio-0', 1)?.[0]).toBe(APP);
  });

  it('kubectl get pods --all-namespaces and --namespace <ns>', async () => {
    expect(rowNamed(await cluster.ok(['get', 'pods', '--all-namespaces']), 'audio-1', 1)?.[0]).toBe(APP);
    const out = await cluster.ok(['get', 'pods', '--namespace', APP]);
    expect(headerOf(out)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rowsOf(out).map((r) => r[0])).toEqual(['audio-0', 'audio-1', replicaPod]);
    expect(rowsOf(out).map((r) => r.slice(1, 4))).toEqual(Array(3).fill(['1/1', 'Running', '0']));
  });

  it("kubectl get pods --namespace <ns> --sort-by='.status.containerStatuses[0].restartCount'", async () => {
    // The kubelet owns restart counts: a container that keeps exiting gets restarted. Its name
    // sorts first, so only sorting by restarts puts it last.
    const crashing = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a-crashing', namespace: APP }, spec: { containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] } };
    await cluster.ok(['create', '-f', '-'], { input: manifests(crashing) });
    try {
      // lastState is set at the first restart and stays: a condition that cannot be missed.
      await cluster.ok(['wait', '--for=jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}=1', 'pod/a-crashing', '-n', APP, '--timeout=60s']);
      const r = await cluster.run(['get', 'pods', '--namespace', APP, '--sort-by=.status.containerStatuses[0].restartCount']);
      expect(r.code, r.stderr).toBe(0);
      expect(headerOf(r.stdout)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
      const rows = rowsOf(r.stdout);
      // Equal counts may come in any order; the crashing pod's count reads "N (Xs ago)".
      expect(rows.slice(0, 3).map((row) => row[0]).sort()).toEqual(['audio-0', 'audio-1', replicaPod]);
      expect(rows.slice(0, 3).map((row) => row[3])).toEqual(['0', '0', '0']);
      expect(rows[3]?.[0]).toBe('a-crashing');
      expect(rows[3]?.[3]).toMatch(/^[1-9]\d* \(\S+ ago\)$/);
      expect(rows).toHaveLength(4);
    } finally {
      await cluster.ok(['delete', 'pod', 'a-crashing', '-n', APP, '--grace-period=0', '--force']);
    }
  });

  it('kubectl describe pod --namespace <ns> <pod id>', async () => {
    const out = await cluster.ok(['describe', 'pod', '--namespace', APP, 'audio-0']);
    expect(out).toMatch(/^Name:\s+audio-0$/m);
    expect(out).toMatch(new RegExp(`^Namespace:\\s+${APP}$`, 'm'));
    expect(out).toMatch(/^Status:\s+Running$/m);
    expect(out).toMatch(/^Node:\s+[\w-]+\/\d+\.\d+\.\d+\.\d+$/m);
    expect(out).toMatch(/^\s+Image:\s+nginx:1\.8$/m);
  });

  it('kubectl get services, --all-namespaces, and --namespace <ns> -o wide', async () => {
    const mine = await cluster.ok(['get', 'services']);
    expect(rowNamed(mine, 'kubernetes')).toEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', expect.any(String)]);
    const all = await cluster.ok(['get', 'services', '--all-namespaces']);
    expect(headerOf(all)).toEqual(['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(rowNamed(all, 'kubernetes', 1)?.[0]).toBe('default');
    expect(rowNamed(all, 'audio', 1)?.[0]).toBe(APP);
    const wide = await cluster.ok(['get', 'services', '--namespace', APP, '-o', 'wide']);
    expect(headerOf(wide)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(rowNamed(wide, 'audio')?.at(-1)).toBe('k8s-app=audio');
  });

  it('kubectl expose ... --type=LoadBalancer and --type=NodePort, then describe services', async () => {
    const lb = await cluster.ok(['expose', '--namespace', DASH, 'deployment', 'kubernetes-dashboard', '--type=LoadBalancer', '--name=lb-kubernetes-dashboard']);
    expect(lb.trim()).toBe('service/lb-kubernetes-dashboard exposed');
    const np = await cluster.ok(['expose', '--namespace', DASH, 'deployment', 'kubernetes-dashboard', '--type=NodePort', '--name=port-kubernetes-dashboard']);
    expect(np.trim()).toBe('service/port-kubernetes-dashboard exposed');

    const lbPort = nodePortOf(await cluster.ok(['get', 'svc', 'lb-kubernetes-dashboard', '-n', DASH, '-o', 'json']));
    const npPort = nodePortOf(await cluster.ok(['get', 'svc', 'port-kubernetes-dashboard', '-n', DASH, '-o', 'json']));
    for (const port of [lbPort, npPort]) {
      expect(port).toBeGreaterThanOrEqual(30000);
      expect(port).toBeLessThanOrEqual(32767);
    }
    expect(lbPort).not.toBe(npPort);

    const table = await cluster.ok(['get', 'services', '-n', DASH]);
    expect(rowNamed(table, 'port-kubernetes-dashboard')?.slice(1, 5)).toEqual(['NodePort', expect.stringMatching(/^10\./), '<none>', `8443:${npPort}/TCP`]);
    expect(rowNamed(table, 'lb-kubernetes-dashboard')?.[4]).toBe(`8443:${lbPort}/TCP`);

    const described = await cluster.ok(['describe', '--namespace', DASH, 'services']);
    expect(described).toMatch(/^Name:\s+lb-kubernetes-dashboard$/m);
    expect(described).toMatch(/^Name:\s+port-kubernetes-dashboard$/m);
    expect(described).toMatch(/^Type:\s+LoadBalancer$/m);
    expect(described).toMatch(/^Type:\s+NodePort$/m);
    expect(described).toMatch(new RegExp(`^NodePort:\\s+<unset>\\s+${npPort}/TCP$`, 'm'));
    expect(described).toMatch(/^Selector:\s+k8s-app=kubernetes-dashboard$/m);
  });

  it('k create deployment whatever-name --image=... --dry-run=client --output=yaml', async () => {
    const out = await cluster.ok(['create', 'deployment', 'whatever-name', '--image=nginx:1.8', '--dry-run=client', '--output=yaml']);
    expect(out).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    app: whatever-name',
        '  name: whatever-name',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: whatever-name',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: whatever-name',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.8',
        '        name: nginx',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('a dry-run file edited and applied (the seed workflow), then kubectl edit changes the image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-seed-'));
    const file = join(dir, 'rollnginx.yaml');
    writeFileSync(file, await cluster.ok(['create', 'deployment', 'rollnginx', '--image=nginx:1.8', '--dry-run=client', '--output=yaml']));
    expect((await cluster.ok(['apply', '-f', file])).trim()).toBe('deployment.apps/rollnginx created');
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/image: nginx:1.8/image: nginx:1.15/" "$1"\n', { mode: 0o755 });
    expect((await cluster.ok(['edit', 'deployment.apps', 'rollnginx'], { env: { EDITOR: editor, KUBE_EDITOR: editor } })).trim()).toBe('deployment.apps/rollnginx edited');
    expect(await cluster.ok(['get', 'deployment', 'rollnginx', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.15');
  });

  it('kubectl apply -f of the dashboard admin-user file (ServiceAccount and ClusterRoleBinding separated by ---)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wh-seed-')), 'admin-user.yaml');
    writeFileSync(
      file,
      manifests(
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'admin-user', namespace: DASH } },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: 'admin-user' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
          subjects: [{ kind: 'ServiceAccount', name: 'admin-user', namespace: DASH }],
        },
      ),
    );
    expect((await cluster.ok(['apply', '-f', file])).trim().split('\n')).toEqual([
      'serviceaccount/admin-user created',
      'clusterrolebinding.rbac.authorization.k8s.io/admin-user created',
    ]);
    const crb = await cluster.ok(['get', 'clusterrolebinding', 'admin-user', '-o', 'wide']);
    expect(headerOf(crb)).toEqual(['NAME', 'ROLE', 'AGE', 'USERS', 'GROUPS', 'SERVICEACCOUNTS']);
    expect(rowNamed(crb, 'admin-user')?.[1]).toBe('ClusterRole/cluster-admin');
    expect(rowNamed(crb, 'admin-user')?.at(-1)).toBe(`${DASH}/admin-user`);
  });

  it('kubectl label sets a label by hand, and a selector finds it', async () => {
    expect((await cluster.ok(['label', 'pod', 'audio-0', 'tier=backend', '--namespace', APP])).trim()).toBe('pod/audio-0 labeled');
    expect(await cluster.ok(['get', 'pods', '-l', 'tier=backend', '--namespace', APP, '-o', 'name'])).toBe('pod/audio-0\n');
  });

  it('kubectl get nodes answers with the node table, every node Ready', async () => {
    const out = await cluster.ok(['get', 'nodes']);
    expect(headerOf(out)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(rowsOf(out).length).toBeGreaterThan(0);
    for (const row of rowsOf(out)) expect(row[1], out).toBe('Ready');
  });

  it('kubectl api-resources lists the kinds the seeds name (pods, nodes, jobs, networkpolicies)', async () => {
    const out = await cluster.ok(['api-resources', '-o', 'name']);
    expect(out.split('\n')).toEqual(expect.arrayContaining(['pods', 'nodes', 'jobs.batch', 'networkpolicies.networking.k8s.io']));
  });
});
