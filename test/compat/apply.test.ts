// Declarative kubectl: client-side apply of a multi-document file (created, configured,
// unchanged, pruned fields), server-side apply with field-manager conflicts, diff, and
// dry runs on both sides.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, useCluster } from './compat-cluster';

const configMap = (ns: string, name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data });

const deployment = (ns: string, name: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, labels: { app: name } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }] }] } },
  },
});

const service = (ns: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }] },
});

function writeManifest(objects: object[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wh-apply-')), 'app.yaml');
  writeFileSync(file, manifests(...objects));
  return file;
}

const lines = (out: string) => out.trim().split('\n');

describe.skipIf(!haveKubectl)('apply, diff, dry-run', () => {
  const cluster = useCluster();

  it('apply -f of a multi-document file: created, then configured, then unchanged', async () => {
    const ns = await newNamespace(cluster, 'apply');
    const v1 = [configMap(ns, 'settings', { mode: 'fast', level: '1' }), deployment(ns, 'shop', 'nginx:1.8'), service(ns, 'shop')];
    expect(lines(await cluster.ok(['apply', '-f', writeManifest(v1)]))).toEqual(['configmap/settings created', 'deployment.apps/shop created', 'service/shop created']);

    const v2 = [configMap(ns, 'settings', { mode: 'slow' }), deployment(ns, 'shop', 'nginx:1.9'), service(ns, 'shop')];
    const file = writeManifest(v2);
    expect(lines(await cluster.ok(['apply', '-f', file]))).toEqual(['configmap/settings configured', 'deployment.apps/shop configured', 'service/shop unchanged']);
    // A key dropped from the file is removed from the object (three-way merge).
    expect(await cluster.ok(['get', 'cm', 'settings', '-n', ns, '-o', 'jsonpath={.data}'])).toBe('{"mode":"slow"}');
    expect(await cluster.ok(['get', 'deploy', 'shop', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.9');

    expect(lines(await cluster.ok(['apply', '-f', file]))).toEqual(['configmap/settings unchanged', 'deployment.apps/shop unchanged', 'service/shop unchanged']);

    const lastApplied = JSON.parse(
      await cluster.ok(['get', 'cm', 'settings', '-n', ns, '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']),
    ) as { data: Record<string, string> };
    expect(lastApplied.data).toEqual({ mode: 'slow' });
    expect(await cluster.ok(['apply', 'view-last-applied', 'configmap/settings', '-n', ns, '-o', 'json'])).toContain('"mode": "slow"');
  });

  it('apply keeps fields set by others (a label added with kubectl label survives)', async () => {
    const ns = await newNamespace(cluster, 'apply-keep');
    const file = writeManifest([configMap(ns, 'c', { a: '1' })]);
    await cluster.ok(['apply', '-f', file]);
    await cluster.ok(['label', 'cm', 'c', 'owner=ops', '-n', ns]);
    expect(lines(await cluster.ok(['apply', '-f', file]))).toEqual(['configmap/c unchanged']);
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.metadata.labels.owner}'])).toBe('ops');
  });

  it('apply --server-side, a conflict with another manager, then --force-conflicts', async () => {
    const ns = await newNamespace(cluster, 'ssa');
    expect((await cluster.ok(['apply', '--server-side', '-f', '-'], { input: manifests(configMap(ns, 'shared', { a: '1', b: '1' })) })).trim()).toBe(
      'configmap/shared serverside-applied',
    );
    const managers = JSON.parse(await cluster.ok(['get', 'cm', 'shared', '-n', ns, '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields}'])) as {
      manager: string;
      operation: string;
      fieldsV1: { 'f:data': object };
    }[];
    expect(managers).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } })]);

    const other = manifests(configMap(ns, 'shared', { a: '2' }));
    const conflict = await cluster.run(['apply', '--server-side', '--field-manager=other', '-f', '-'], { input: other });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.a');
    expect(conflict.stderr).toContain('--force-conflicts');
    expect(await cluster.ok(['get', 'cm', 'shared', '-n', ns, '-o', 'jsonpath={.data.a}'])).toBe('1');

    expect((await cluster.ok(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', '-'], { input: other })).trim()).toBe(
      'configmap/shared serverside-applied',
    );
    expect(await cluster.ok(['get', 'cm', 'shared', '-n', ns, '-o', 'jsonpath={.data.a},{.data.b}'])).toBe('2,1');
    const after = JSON.parse(await cluster.ok(['get', 'cm', 'shared', '-n', ns, '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields}'])) as {
      manager: string;
      fieldsV1: { 'f:data': object };
    }[];
    const owned = Object.fromEntries(after.map((m) => [m.manager, Object.keys(m.fieldsV1['f:data'])]));
    expect(owned).toEqual({ kubectl: ['f:b'], other: ['f:a'] });
  });

  it('apply --server-side drops fields its manager no longer applies', async () => {
    const ns = await newNamespace(cluster, 'ssa-drop');
    await cluster.ok(['apply', '--server-side', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '1', b: '1' })) });
    await cluster.ok(['apply', '--server-side', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '1' })) });
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.data}'])).toBe('{"a":"1"}');
  });

  it('diff: exit 0 when the same, exit 1 with a unified diff when different', async () => {
    const ns = await newNamespace(cluster, 'diff');
    await cluster.ok(['apply', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '1' })) });
    const same = await cluster.run(['diff', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '1' })) });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toBe('');

    const changed = await cluster.run(['diff', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '2' })) });
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.stdout).toMatch(/^-{3} .*v1\.ConfigMap\./m);
    expect(changed.stdout).toMatch(/^-\s+a: "1"$/m);
    expect(changed.stdout).toMatch(/^\+\s+a: "2"$/m);
    // The generation and managed fields are not part of what diff shows for a configmap.
    expect(await cluster.ok(['get', 'cm', 'c', '-n', ns, '-o', 'jsonpath={.data.a}'])).toBe('1');

    const added = await cluster.run(['diff', '-f', '-'], { input: manifests(configMap(ns, 'new', { k: 'v' })) });
    expect(added.code).toBe(1);
    expect(added.stdout).toMatch(/^\+\s+k: v$/m);
    expect((await cluster.run(['get', 'cm', 'new', '-n', ns])).code).toBe(1);
  });

  it('create deployment --dry-run=client -o yaml prints the object and stores nothing', async () => {
    const ns = await newNamespace(cluster, 'dry-client');
    const out = await cluster.ok(['create', 'deployment', 'x', '--image=nginx:1.8', '--dry-run=client', '-o', 'yaml', '-n', ns]);
    expect(yaml.load(out)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null, labels: { app: 'x' }, name: 'x', namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'x' } },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { app: 'x' } }, spec: { containers: [{ image: 'nginx:1.8', name: 'nginx', resources: {} }] } },
      },
      status: {},
    });
    const r = await cluster.run(['get', 'deployment', 'x', '-n', ns]);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "x" not found');
  });

  it('create deployment --dry-run=server defaults the object and stores nothing', async () => {
    const ns = await newNamespace(cluster, 'dry-server');
    expect((await cluster.ok(['create', 'deployment', 'x', '--image=nginx:1.8', '--dry-run=server', '-n', ns])).trim()).toBe('deployment.apps/x created (server dry run)');
    const defaulted = yaml.load(await cluster.ok(['create', 'deployment', 'x', '--image=nginx:1.8', '--dry-run=server', '-o', 'yaml', '-n', ns])) as {
      metadata: { uid?: string; creationTimestamp?: string };
      spec: { strategy: { type: string }; template: { spec: { restartPolicy: string; containers: { imagePullPolicy: string }[] } } };
    };
    expect(defaulted.spec.strategy.type).toBe('RollingUpdate');
    expect(defaulted.spec.template.spec.restartPolicy).toBe('Always');
    expect(defaulted.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
    expect(defaulted.metadata.creationTimestamp).toMatch(/^\d{4}-/);
    const r = await cluster.run(['get', 'deployment', 'x', '-n', ns]);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "x" not found');
  });

  it('apply --dry-run=server of a manifest stores nothing', async () => {
    const ns = await newNamespace(cluster, 'dry-apply');
    expect((await cluster.ok(['apply', '--dry-run=server', '-f', '-'], { input: manifests(configMap(ns, 'c', { a: '1' })) })).trim()).toBe(
      'configmap/c created (server dry run)',
    );
    const r = await cluster.run(['get', 'cm', 'c', '-n', ns]);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): configmaps "c" not found');
  });
});
