// In-place changes: patch with each of its three types, edit through $EDITOR, and scale
// through the scale subresource.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, useCluster, type CompatCluster } from './compat-cluster';

const deployment = (ns: string, name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.8', env: [{ name: 'A', value: '1' }] }] } },
  },
});

async function createDeployment(cluster: CompatCluster, prefix: string): Promise<{ ns: string; get: (path: string) => Promise<string> }> {
  const ns = await newNamespace(cluster, prefix);
  await cluster.ok(['create', '-f', '-'], { input: manifests(deployment(ns, 'd')) });
  return { ns, get: (path) => cluster.ok(['get', 'deployment', 'd', '-n', ns, '-o', `jsonpath=${path}`]) };
}

/** An $EDITOR that rewrites the file kubectl hands it with sed. */
function sedEditor(expression: string): string {
  const script = join(mkdtempSync(join(tmpdir(), 'wh-editor-')), 'editor.sh');
  writeFileSync(script, `#!/bin/sh\nsed -i '${expression}' "$1"\n`);
  chmodSync(script, 0o755);
  return script;
}

describe.skipIf(!haveKubectl)('patch, edit, scale', () => {
  const cluster = useCluster();

  it('strategic merge patch merges containers by name', async () => {
    const { ns, get } = await createDeployment(cluster, 'smp');
    const image = '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.9"}]}}}}';
    expect((await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '-p', image])).trim()).toBe('deployment.apps/d patched');
    expect(await get('{.spec.template.spec.containers[*].name} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env[0].value}')).toBe(
      'web nginx:1.9 1',
    );
    const sidecar = '{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"busybox"}]}}}}';
    await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '--type=strategic', '-p', sidecar]);
    expect(await get('{.spec.template.spec.containers[*].name}')).toBe('log web');
    const drop = '{"spec":{"template":{"spec":{"containers":[{"name":"log","$patch":"delete"}]}}}}';
    await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '-p', drop]);
    expect(await get('{.spec.template.spec.containers[*].name}')).toBe('web');
    expect(await get('{.metadata.generation}')).toBe('4');
  });

  it('a patch that changes nothing says so', async () => {
    const { ns } = await createDeployment(cluster, 'noop');
    // kubectl compares the object it read with the patch's answer, so a status write by the
    // deployment controller in between would read as a change: let the rollout finish first.
    await cluster.ok(['rollout', 'status', 'deployment/d', '-n', ns, '--timeout=60s']);
    const same = '{"spec":{"replicas":1}}';
    expect((await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '-p', same])).trim()).toBe('deployment.apps/d patched (no change)');
  });

  it('merge patch replaces lists whole', async () => {
    const { ns, get } = await createDeployment(cluster, 'merge');
    const p = '{"metadata":{"labels":{"tier":"front"}},"spec":{"template":{"spec":{"containers":[{"name":"only","image":"busybox"}]}}}}';
    expect((await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '--type=merge', '-p', p])).trim()).toBe('deployment.apps/d patched');
    expect(await get('{.metadata.labels.tier} {.spec.template.spec.containers[*].name}')).toBe('front only');
    // The replaced container has no env any more.
    expect(await get('{.spec.template.spec.containers[0].env}')).toBe('');
  });

  it('JSON patch applies its operations in order, and a failed test op changes nothing', async () => {
    const { ns, get } = await createDeployment(cluster, 'json');
    const ops = JSON.stringify([
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels', value: { tier: 'back' } },
      { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'B', value: '2' } },
    ]);
    expect((await cluster.ok(['patch', 'deployment', 'd', '-n', ns, '--type=json', '-p', ops])).trim()).toBe('deployment.apps/d patched');
    expect(await get('{.spec.replicas} {.metadata.labels.tier} {.spec.template.spec.containers[0].env[*].name}')).toBe('3 back A B');

    const failing = JSON.stringify([
      { op: 'test', path: '/spec/replicas', value: 7 },
      { op: 'replace', path: '/spec/replicas', value: 9 },
    ]);
    const r = await cluster.run(['patch', 'deployment', 'd', '-n', ns, '--type=json', '-p', failing]);
    expect(r.code).toBe(1);
    // The API server answers 422 Invalid without a kind or name, which kubectl prints this way.
    expect(r.stderr).toMatch(/^The request is invalid: the server rejected our request due to an error in our request/);
    expect(await get('{.spec.replicas}')).toBe('3');
  });

  it('a patch that makes the object invalid is rejected', async () => {
    const { ns, get } = await createDeployment(cluster, 'invalid');
    const r = await cluster.run(['patch', 'deployment', 'd', '-n', ns, '--type=merge', '-p', '{"spec":{"replicas":-1}}']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('The Deployment "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(await get('{.spec.replicas}')).toBe('1');
  });

  it('edit with $EDITOR changes the field the editor changed', async () => {
    const { ns, get } = await createDeployment(cluster, 'edit');
    const editor = sedEditor('s/image: nginx:1.8/image: nginx:1.15/');
    const out = await cluster.ok(['edit', 'deployment.apps', 'd', '-n', ns], { env: { EDITOR: editor, KUBE_EDITOR: editor } });
    expect(out.trim()).toBe('deployment.apps/d edited');
    expect(await get('{.spec.template.spec.containers[0].image}')).toBe('nginx:1.15');
    // kubectl-edit is recorded as a field manager.
    expect(await cluster.ok(['get', 'deployment', 'd', '-n', ns, '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[*].manager}'])).toContain('kubectl-edit');
  });

  it('edit that changes nothing cancels', async () => {
    const { ns } = await createDeployment(cluster, 'edit-noop');
    const editor = sedEditor('s/no-such-text/x/');
    const r = await cluster.run(['edit', 'deployment', 'd', '-n', ns], { env: { EDITOR: editor, KUBE_EDITOR: editor } });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('Edit cancelled, no changes made.');
  });

  it('scale goes through the scale subresource', async () => {
    const { ns, get } = await createDeployment(cluster, 'scale');
    expect((await cluster.ok(['scale', 'deployment', 'd', '--replicas=5', '-n', ns])).trim()).toBe('deployment.apps/d scaled');
    expect(await get('{.spec.replicas}')).toBe('5');
    const scale = JSON.parse(await cluster.ok(['get', '--raw', `/apis/apps/v1/namespaces/${ns}/deployments/d/scale`])) as {
      apiVersion: string;
      kind: string;
      spec: { replicas: number };
      status: { selector: string };
    };
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 5 }, status: { selector: 'app=d' } });
  });

  it('scale --current-replicas is a precondition', async () => {
    const { ns, get } = await createDeployment(cluster, 'scale-pre');
    const r = await cluster.run(['scale', 'deployment', 'd', '--current-replicas=4', '--replicas=6', '-n', ns]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: Expected replicas to be 4, was 1');
    expect((await cluster.ok(['scale', 'deployment', 'd', '--current-replicas=1', '--replicas=6', '-n', ns])).trim()).toBe('deployment.apps/d scaled');
    expect(await get('{.spec.replicas}')).toBe('6');
  });

  it.each([
    { kind: 'replicaset', printed: 'replicaset.apps' },
    { kind: 'statefulset', printed: 'statefulset.apps' },
  ])('scale $kind', async ({ kind, printed }) => {
    const ns = await newNamespace(cluster, `scale-${kind}`);
    const spec = { replicas: 1, selector: { matchLabels: { app: 's' } }, template: { metadata: { labels: { app: 's' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] } } };
    const object =
      kind === 'replicaset'
        ? { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 's', namespace: ns }, spec }
        : { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's', namespace: ns }, spec: { ...spec, serviceName: 's' } };
    await cluster.ok(['create', '-f', '-'], { input: manifests(object) });
    expect((await cluster.ok(['scale', kind, 's', '--replicas=3', '-n', ns])).trim()).toBe(`${printed}/s scaled`);
    expect(await cluster.ok(['get', kind, 's', '-n', ns, '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
  });
});
