// Hostile request bodies, sent to every built-in kind the server registers: JSON nested far
// deeper than any decoder should follow (on create and on each patch type), YAML alias bombs
// and bodies over the 3 MiB limit. Each gets a 4xx Status, stores nothing, and the server keeps
// answering /readyz while it is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import { MAX_BODY_BYTES } from '../../core/apiserver/http/body';
import { MAX_NESTING_DEPTH } from '../../core/apiserver/http/nesting-depth';
import { encodeBody, encodeMessage, wrapField } from '../support/protobuf-encoder';
import type { ResourceDef } from '../../core/registry/types';
import { api, type ApiTarget } from '../support/api-client';
import { nestedJson, yamlAliasBomb } from '../support/hostile-bodies';

const NS = 'oversized';
const NAME = 'hostile';

let cluster: Cluster;
let t: ApiTarget;
let dir: string;
let revisionBefore: string;
const readyzMs: number[] = [];

/** The store's revision: any write anywhere moves it. */
const revision = async () => (await api(t, 'GET', '/api/v1/namespaces')).json.metadata.resourceVersion as string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-oversized-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  t = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name: NS } })).status).toBe(201);
  revisionBefore = await revision();
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

// 100,000 levels: about 600 KB, the depth that once overflowed the patch code's stack.
const DEEP = nestedJson(100_000);
const deepObject = `{"metadata":{"name":"${NAME}"},"spec":${DEEP}}`;
const BOMB = yamlAliasBomb();
const LARGE = Buffer.alloc(MAX_BODY_BYTES + 1, ' ');
LARGE.write(`{"metadata":{"name":"${NAME}"},"data":{}}`);

type Family = 'deep JSON on create' | 'deep JSON on patch' | 'YAML alias bomb' | 'over-large body';

interface Case {
  family: Family;
  name: string;
  method: string;
  path: string;
  type: string;
  body: string | Buffer;
  status: number;
  message: RegExp;
}

const TOO_DEEP = /exceeded max depth|exceeded maxDepth/;
const ALIASING = /yaml: document contains excessive aliasing/;
const TOO_LARGE = /^Request entity too large: limit is 3145728$/;

const PATCH_TYPES: Array<[string, string]> = [
  ['application/json-patch+json', `[{"op":"add","path":"/spec","value":${DEEP}}]`],
  ['application/merge-patch+json', deepObject],
  ['application/strategic-merge-patch+json', deepObject],
  ['application/apply-patch+yaml', deepObject],
];

function collectionPath(def: ResourceDef): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  return def.namespaced ? `${base}/namespaces/${NS}/${def.plural}` : `${base}/${def.plural}`;
}

/** Every case for one kind, from what its registration says it accepts. */
function casesFor(def: ResourceDef): Case[] {
  const verbs = def.verbs ?? ['create', 'patch'];
  const collection = collectionPath(def);
  const object = `${collection}/${NAME}`;
  const cases: Case[] = [];
  const add = (family: Family, name: string, method: string, path: string, type: string, body: string | Buffer) => {
    const [status, message] = family === 'over-large body' ? [413, TOO_LARGE] : [400, family === 'YAML alias bomb' ? ALIASING : TOO_DEEP];
    cases.push({ family, name, method, path, type, body, status, message });
  };
  if (verbs.includes('create')) {
    add('deep JSON on create', 'create', 'POST', collection, 'application/json', deepObject);
    add('YAML alias bomb', 'create', 'POST', collection, 'application/yaml', BOMB);
    add('over-large body', 'create', 'POST', collection, 'application/json', LARGE);
  }
  if (verbs.includes('patch')) {
    for (const [type, body] of PATCH_TYPES) add('deep JSON on patch', type, 'PATCH', object, type, body);
    add('YAML alias bomb', 'apply', 'PATCH', `${object}?fieldManager=test`, 'application/apply-patch+yaml', BOMB);
    add('over-large body', 'merge patch', 'PATCH', object, 'application/merge-patch+json', LARGE);
  }
  if (def.status) add('deep JSON on patch', 'status merge patch', 'PATCH', `${object}/status`, 'application/merge-patch+json', deepObject);
  if (def.scale) add('deep JSON on patch', 'scale merge patch', 'PATCH', `${object}/scale`, 'application/merge-patch+json', deepObject);
  // Subresources that take an object of their own (binding, eviction, token), not a stream.
  for (const sub of def.subresources ?? []) {
    if (!sub.verbs.includes('create') || sub.kind.endsWith('Options')) continue;
    add('deep JSON on create', `${sub.name} create`, 'POST', `${object}/${sub.name}`, 'application/json', deepObject);
  }
  return cases;
}

/** Sends a hostile request with a /readyz beside it; both must be answered. */
async function sendBeside(c: Pick<Case, 'method' | 'path' | 'type' | 'body'>) {
  const readyStart = performance.now();
  const [r, ready] = await Promise.all([
    api(t, c.method, c.path, c.body, { 'Content-Type': c.type }),
    api(t, 'GET', '/readyz').then((res) => {
      readyzMs.push(performance.now() - readyStart);
      return res;
    }),
  ]);
  expect(ready.status).toBe(200);
  return r;
}

const builtIns = () => cluster.api.catalog.all().filter((d) => !d.custom);
let caseCount = 0;

describe('hostile bodies on every built-in kind', () => {
  it('covers the kinds the server registers', () => {
    expect(builtIns().length).toBeGreaterThan(40);
  });

  // The kinds are known only once the cluster runs: each test walks all of them for one family.
  it.each<Family>(['deep JSON on create', 'deep JSON on patch', 'YAML alias bomb', 'over-large body'])(
    '%s: a 4xx Status for every kind, while /readyz keeps answering',
    async (family) => {
      let sent = 0;
      for (const def of builtIns()) {
        for (const c of casesFor(def).filter((x) => x.family === family)) {
          const r = await sendBeside(c);
          const what = `${c.name} on ${def.plural}.${def.group || 'core'}: ${r.text.slice(0, 200)}`;
          expect(r.status, what).toBe(c.status);
          expect(r.json, what).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: c.status });
          expect(r.json.message, what).toMatch(c.message);
          sent++;
        }
      }
      expect(sent).toBeGreaterThan(0);
      caseCount += sent;
    },
    60_000,
  );
});

describe('hostile protobuf bodies', () => {
  const PROTOBUF = 'application/vnd.kubernetes.protobuf';

  it('refuses a CRD whose schema nests 10,000 messages deep, without running out of stack', async () => {
    let schema: Uint8Array = encodeMessage([[5, 'string']]);
    for (let i = 0; i < 5000; i++) schema = wrapField(24, wrapField(1, schema)); // items.schema
    const version = encodeMessage([[1, 'v1'], [2, true], [3, true], [4, wrapField(1, schema)]]);
    const body = encodeBody('apiextensions.k8s.io/v1', 'CustomResourceDefinition', [
      [1, [[1, 'things.hostile.example.com']]],
      [2, [[1, 'hostile.example.com'], [7, version]]],
    ]);
    const r = await sendBeside({ method: 'POST', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', type: PROTOBUF, body });
    expect(r.status, r.text.slice(0, 200)).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'exceeded max depth' });
    caseCount++;
  });

  it('refuses a ControllerRevision whose raw JSON data nests 100,000 deep', async () => {
    const body = encodeBody('apps/v1', 'ControllerRevision', [[1, [[1, NAME]]], [2, [[1, DEEP]]], [3, 1]]);
    const r = await sendBeside({ method: 'POST', path: `/apis/apps/v1/namespaces/${NS}/controllerrevisions`, type: PROTOBUF, body });
    expect(r.status, r.text.slice(0, 200)).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: "invalid character '{' exceeded max depth" });
    caseCount++;
  });
});

describe('after all of them', () => {
  it('stored nothing: the revision has not moved', async () => {
    expect(await revision()).toBe(revisionBefore);
    const sorted = [...readyzMs].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(`oversized bodies: ${caseCount} cases over ${builtIns().length} kinds; concurrent /readyz median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  });
});

describe('a body exactly at the depth limit', () => {
  // ControllerRevision.data is a RawExtension: any JSON is kept, so every walker sees all of it.
  const path = `/apis/apps/v1/namespaces/${NS}/controllerrevisions`;
  const data = (levels: number) => JSON.parse(nestedJson(levels)) as unknown;
  // The object is one level: data's 999 more reach the limit of 1,000.
  const AT_LIMIT = MAX_NESTING_DEPTH - 1;

  it('goes through create, every patch type, apply, get, list and watch', async () => {
    const body = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'deep' }, revision: 1, data: data(AT_LIMIT) };
    expect((await api(t, 'POST', path, body)).status).toBe(201);
    const patches: Array<[string, object]> = [
      ['application/merge-patch+json', { data: data(AT_LIMIT), metadata: { labels: { p: 'merge' } } }],
      ['application/strategic-merge-patch+json', { data: data(AT_LIMIT), metadata: { labels: { p: 'smp' } } }],
      // data is immutable: a JSON patch elsewhere still walks all of it.
      ['application/json-patch+json', [{ op: 'add', path: '/metadata/labels/p', value: 'json' }]],
    ];
    for (const [type, patch] of patches) {
      const r = await api(t, 'PATCH', `${path}/deep`, patch, { 'Content-Type': type });
      expect(r.status, `${type}: ${r.text.slice(0, 200)}`).toBe(200);
    }
    const applied = await api(t, 'PATCH', `${path}/deep?fieldManager=deep&force=true`, body, { 'Content-Type': 'application/apply-patch+yaml' });
    expect(applied.status, applied.text.slice(0, 200)).toBe(200);
    const got = await api(t, 'GET', `${path}/deep`);
    expect(got.json.data).toEqual(data(AT_LIMIT));
    expect((await api(t, 'GET', path)).json.items).toHaveLength(1);
    const table = await api(t, 'GET', path, undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(table.json.rows).toHaveLength(1);
    // A watch from before the create replays it whole.
    const watched = await api(t, 'GET', `${path}?watch=true&resourceVersion=${revisionBefore}&timeoutSeconds=1`);
    expect(watched.text.split('\n')[0]).toContain('"name":"deep"');
    expect((await api(t, 'DELETE', `${path}/deep`)).status).toBe(200);
  });

  it('one level more is refused', async () => {
    const body = { metadata: { name: 'deeper' }, revision: 1, data: data(AT_LIMIT + 1) };
    const r = await api(t, 'POST', path, body);
    expect(r.status).toBe(400);
    expect(r.json.message).toBe("couldn't get version/kind; json parse error: invalid character '{' exceeded max depth");
  });
});
