// /openapi/v2: served as kube-apiserver serves it (gnostic protobuf for kubectl, JSON on
// request, ETag and 304), so kubectl can validate a kind: List file on the client, which is
// what `kubectl get ... -o yaml` writes: a backup of several objects re-applies.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as yaml from 'js-yaml';
import { haveKubectl } from '../support/kubectl';
import { api, targetFromKubeconfig, type ApiTarget } from '../support/api-client';
import { manifests, newNamespace, useCluster } from './compat-cluster';

const KUBECTL_ACCEPT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'backups.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'backups', singular: 'backup', kind: 'Backup' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  schedule: { type: 'string' },
                  keep: { type: 'integer' },
                  options: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
            },
          },
        },
      },
    ],
  },
};

const cluster = useCluster();
let t: ApiTarget;
let dir: string;

beforeAll(() => {
  t = targetFromKubeconfig(cluster.kubeconfig);
  dir = mkdtempSync(join(tmpdir(), 'wh-openapi2-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GET /openapi/v2', () => {
  it("answers kubectl's Accept with gnostic protobuf and JSON with JSON, under one ETag", async () => {
    const pb = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT });
    expect(pb.status).toBe(200);
    expect(pb.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(pb.headers.vary).toBe('Accept');
    // openapi_v2.Document field 1 (swagger) comes first: tag 0x0a, length 3, "2.0".
    expect(pb.text.startsWith('\n\u00032.0')).toBe(true);
    expect(pb.headers.etag).toMatch(/^"[0-9A-F]{128}"$/);

    const json = await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.json.swagger).toBe('2.0');
    expect(json.headers.etag).toBe(pb.headers.etag);
  });

  it('answers 304 to If-None-Match with the current ETag, and 406 to an Accept it cannot serve', async () => {
    const first = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT });
    const again = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT, 'If-None-Match': first.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'text/html' })).status).toBe(406);
  });

  it('answers If-Modified-Since as http.ServeContent does: 304 from Last-Modified on, without Last-Modified (it has an ETag)', async () => {
    const first = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT });
    const lastModified = first.headers['last-modified'] as string;
    expect(Date.parse(lastModified)).not.toBeNaN();
    const same = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT, 'If-Modified-Since': lastModified });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.etag).toBe(first.headers.etag);
    expect(same.headers['last-modified']).toBeUndefined();
    expect(same.headers['content-type']).toBeUndefined();
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT, 'If-Modified-Since': earlier })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    const stale = await api(t, 'GET', '/openapi/v2', undefined, { Accept: KUBECTL_ACCEPT, 'If-None-Match': '"0"', 'If-Modified-Since': lastModified });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' });
    const head = await api(t, 'HEAD', '/openapi/v2', undefined, { Accept: 'application/json' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'vary']) expect(head.headers[h]).toBe(get.headers[h]);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(get.text));
  });

  it('answers 406 to an Accept range without a slash, as goautoneg skips it', async () => {
    expect((await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application' })).status).toBe(406);
  });

  it('defines every schema its paths and definitions reference', async () => {
    const doc = (await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' })).json;
    const refs = new Set<string>(JSON.stringify(doc).match(/"\$ref":"[^"]+"/g));
    expect(refs.size).toBeGreaterThan(100);
    for (const ref of refs) expect(doc.definitions).toHaveProperty([ref.slice('"$ref":"#/definitions/'.length, -1)]);
  });
});

describe.skipIf(!haveKubectl)('kind: List files through kubectl (validated against /openapi/v2)', () => {
  let etagBeforeCrd: string;

  beforeAll(async () => {
    etagBeforeCrd = (await api(t, 'GET', '/openapi/v2')).headers.etag as string;
    await cluster.ok(['apply', '-f', '-'], { input: manifests(crd) });
    await cluster.ok(['wait', '--for=condition=Established', `crd/${crd.metadata.name}`, '--timeout=30s']);
  });

  it('a CRD changes the document: a new ETag, and the custom kind is defined', async () => {
    const doc = await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json', 'If-None-Match': etagBeforeCrd });
    expect(doc.status).toBe(200);
    expect(doc.headers.etag).not.toBe(etagBeforeCrd);
    expect(doc.json.definitions['com.example.v1.Backup']['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'Backup' }]);
  });

  it("editing the CRD's schema (same kinds) changes its v3 and v2 documents and their hash and ETag", async () => {
    const v3Path = '/openapi/v3/apis/example.com/v1';
    const v3Before = await api(t, 'GET', '/openapi/v3');
    const v2Before = await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' });
    const edited = structuredClone(crd);
    const spec = edited.spec.versions[0]!.schema.openAPIV3Schema.properties.spec as { properties: Record<string, object> };
    spec.properties.retention = { type: 'string', description: 'how long backups are kept' };
    await cluster.ok(['apply', '-f', '-'], { input: manifests(edited) });
    await cluster.ok(['wait', '--for=condition=Established', `crd/${crd.metadata.name}`, '--timeout=30s']);

    const v3After = await api(t, 'GET', '/openapi/v3');
    expect(v3After.json.paths['apis/example.com/v1'].serverRelativeURL).not.toBe(v3Before.json.paths['apis/example.com/v1'].serverRelativeURL);
    expect(v3After.json.paths['apis/apps/v1']).toEqual(v3Before.json.paths['apis/apps/v1']);
    const v3 = await api(t, 'GET', v3Path);
    expect(v3.json.components.schemas['com.example.v1.Backup'].properties.spec.properties.retention).toMatchObject({ type: 'string' });
    const v2After = await api(t, 'GET', '/openapi/v2', undefined, { Accept: 'application/json', 'If-None-Match': v2Before.headers.etag as string });
    expect(v2After.status).toBe(200);
    expect(v2After.headers.etag).not.toBe(v2Before.headers.etag);
    expect(v2After.json.definitions['com.example.v1.Backup'].properties.spec.properties.retention).toEqual({ type: 'string', description: 'how long backups are kept' });
    expect((await cluster.ok(['explain', 'backups.spec.retention'])).trim()).toMatch(/FIELD:\s+retention <string>/);
  });

  it('get -o yaml of several kinds, delete them, apply -f the file: they are back', async () => {
    const ns = await newNamespace(cluster, 'backup');
    await cluster.ok(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
    await cluster.ok(['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', ns]);
    await cluster.ok(['create', 'configmap', 'settings', '--from-literal=mode=fast', '-n', ns]);
    await cluster.ok(['apply', '-f', '-'], {
      input: manifests({ apiVersion: 'example.com/v1', kind: 'Backup', metadata: { name: 'nightly', namespace: ns }, spec: { schedule: '@daily', keep: 7, options: { gzip: true } } }),
    });
    const names = ['deployment/web', 'service/web', 'configmap/settings', 'backup.example.com/nightly'];
    const saved = await cluster.ok(['get', ...names, '-n', ns, '-o', 'yaml']);
    expect((yaml.load(saved) as { kind: string; items: unknown[] }).kind).toBe('List');
    const file = join(dir, 'backup.yaml');
    writeFileSync(file, saved);

    await cluster.ok(['delete', ...names, '-n', ns, '--wait']);
    expect((await cluster.run(['get', 'configmap/settings', '-n', ns])).code).not.toBe(0);

    const applied = await cluster.ok(['apply', '-f', file]);
    expect(applied.trim().split('\n')).toEqual(['deployment.apps/web created', 'service/web created', 'configmap/settings created', 'backup.example.com/nightly created']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary fields of the objects
    const back = yaml.load(await cluster.ok(['get', ...names, '-n', ns, '-o', 'yaml'])) as { items: Array<Record<string, any>> };
    expect(back.items.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/web', 'Service/web', 'ConfigMap/settings', 'Backup/nightly']);
    expect(back.items[0]!.spec.template.spec.containers[0].image).toBe('nginx');
    expect(back.items[1]!.spec.ports[0].targetPort).toBe(8080);
    expect(back.items[2]!.data).toEqual({ mode: 'fast' });
    expect(back.items[3]!.spec).toEqual({ schedule: '@daily', keep: 7, options: { gzip: true } });
  });

  it('create -f of a List creates every item', async () => {
    const ns = await newNamespace(cluster, 'list');
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: ns }, data: { k: 'v' } },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b', namespace: ns }, stringData: { password: 'x' } },
        { apiVersion: 'example.com/v1', kind: 'Backup', metadata: { name: 'c', namespace: ns }, spec: { keep: 1 } },
      ],
    };
    const out = await cluster.ok(['create', '-f', '-'], { input: manifests(list) });
    expect(out.trim().split('\n')).toEqual(['configmap/a created', 'secret/b created', 'backup.example.com/c created']);
  });

  it("a List with an unknown field is refused by kubectl's validation, and nothing is created", async () => {
    const ns = await newNamespace(cluster, 'strict');
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', namespace: ns }, data: { k: 'v' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad', namespace: ns }, datta: { k: 'v' } },
      ],
    };
    for (const verb of ['apply', 'create']) {
      const r = await cluster.run([verb, '-f', '-'], { input: manifests(list) });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        'error: error validating "STDIN": error validating data: ValidationError(ConfigMap): unknown field "datta" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, turn validation off with --validate=false',
      );
    }
    expect(await cluster.ok(['get', 'configmaps', '-n', ns, '-o', 'name'])).not.toMatch(/configmap\/(ok|bad)/);
  });

  it('kubectl explain --output=plaintext-openapiv2 reads the v2 document', async () => {
    const out = await cluster.ok(['explain', 'deployment.spec.replicas', '--output=plaintext-openapiv2']);
    expect(out).toMatch(/KIND:\s+Deployment\nVERSION:\s+apps\/v1\n\nFIELD:\s+replicas <integer>/);
  });
});
