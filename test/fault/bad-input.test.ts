// Bad input gets the right 4xx Status, changes nothing, and never takes the server down.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import { api, type ApiTarget } from '../support/api-client';

let cluster: Cluster;
let t: ApiTarget;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-bad-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  t = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name: 'bad' } })).status).toBe(201);
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CM = '/api/v1/namespaces/bad/configmaps';
const count = async () => (await api(t, 'GET', CM)).json.items.length as number;

interface Case {
  name: string;
  method?: string;
  path?: string;
  body: string | Buffer | object;
  headers?: Record<string, string>;
  status: number;
  reason?: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'malformed JSON', body: '{"metadata": {"name": "x"', status: 400, reason: 'BadRequest', message: /json parse error/ },
  { name: 'a JSON array instead of an object', body: '[1,2]', status: 400, reason: 'BadRequest', message: /Object 'Kind' is missing/ },
  {
    name: 'malformed YAML',
    body: 'metadata:\n  name: x\n   bad: [',
    headers: { 'Content-Type': 'application/yaml' },
    status: 400,
    reason: 'BadRequest',
    message: /error converting YAML to JSON/,
  },
  {
    name: 'a kind that does not belong to the endpoint',
    body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } },
    status: 400,
    reason: 'BadRequest',
    message: /the kind in the data \(Secret\) does not match the expected kind \(ConfigMap\)/,
  },
  {
    name: 'a wrong apiVersion',
    body: { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } },
    status: 400,
    reason: 'BadRequest',
    message: /the API version in the data \(apps\/v1\) does not match the expected API version \(v1\)/,
  },
  {
    name: 'an invalid name',
    body: { metadata: { name: 'Not_Valid' } },
    status: 422,
    reason: 'Invalid',
    message: /^ConfigMap "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 subdomain/,
  },
  { name: 'no name at all', body: { metadata: {} }, status: 422, reason: 'Invalid', message: /metadata.name: Required value: name or generateName is required/ },
  {
    name: 'an invalid label value',
    body: { metadata: { name: 'x', labels: { app: 'has space' } } },
    status: 422,
    reason: 'Invalid',
    message: /metadata.labels: Invalid value: "has space"/,
  },
  {
    name: 'an unknown field under Strict validation',
    path: `${CM}?fieldValidation=Strict`,
    body: { metadata: { name: 'x' }, dta: { a: 'b' } },
    status: 400,
    reason: 'BadRequest',
    message: /^strict decoding error: unknown field "dta"$/,
  },
  {
    name: 'an unknown fieldValidation value',
    path: `${CM}?fieldValidation=Loose`,
    body: { metadata: { name: 'x' } },
    status: 400,
    reason: 'BadRequest',
    message: /fieldValidation: Unsupported value: "Loose"/,
  },
  {
    name: 'an oversized body',
    body: JSON.stringify({ metadata: { name: 'big' }, data: { a: 'x'.repeat(4 * 1024 * 1024) } }),
    status: 413,
    reason: 'RequestEntityTooLarge',
    message: /Request entity too large/,
  },
  {
    name: 'a namespace that does not exist',
    path: '/api/v1/namespaces/nowhere/configmaps',
    body: { metadata: { name: 'x' } },
    status: 404,
    reason: 'NotFound',
    message: /^namespaces "nowhere" not found$/,
  },
  {
    name: 'an unsupported body type',
    body: 'name=x',
    headers: { 'Content-Type': 'text/plain' },
    status: 415,
    reason: 'UnsupportedMediaType',
    message: /unknown format/,
  },
  {
    name: 'garbage sent as protobuf',
    body: randomBytes(64),
    headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' },
    status: 400,
    reason: 'BadRequest',
    message: /protobuf/,
  },
];

describe('bad input on create', () => {
  it.each(cases)('$name: $status', async (c) => {
    const before = await count();
    const r = await api(t, c.method ?? 'POST', c.path ?? CM, c.body, c.headers);
    expect(r.status).toBe(c.status);
    expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: c.status });
    if (c.reason) expect(r.json.reason).toBe(c.reason);
    expect(r.json.message).toMatch(c.message);
    expect(await count()).toBe(before);
  });
});

describe('bad input on existing objects', () => {
  it('refuses a stale resourceVersion with 409 Conflict and keeps the newer write', async () => {
    const created = await api(t, 'POST', CM, { metadata: { name: 'stale' }, data: { v: '1' } });
    const stale = created.json;
    const first = await api(t, 'PUT', `${CM}/stale`, { ...stale, data: { v: '2' } });
    expect(first.status).toBe(200);
    const second = await api(t, 'PUT', `${CM}/stale`, { ...stale, data: { v: '3' } });
    expect(second.status).toBe(409);
    expect(second.json.reason).toBe('Conflict');
    expect(second.json.message).toBe(
      'Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect((await api(t, 'GET', `${CM}/stale`)).json.data).toEqual({ v: '2' });
  });

  it('answers 404 for a missing object, in the real wording', async () => {
    const r = await api(t, 'GET', `${CM}/nope`);
    expect(r.status).toBe(404);
    expect(r.json.message).toBe('configmaps "nope" not found');
    expect(r.json.details).toMatchObject({ name: 'nope', kind: 'configmaps' });
  });

  it('refuses an immutable field change with 422 and keeps the object', async () => {
    await api(t, 'POST', CM, { metadata: { name: 'frozen' }, data: { a: 'b' }, immutable: true });
    const r = await api(t, 'PATCH', `${CM}/frozen`, { data: { a: 'c' } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(r.status).toBe(422);
    expect(r.json.reason).toBe('Invalid');
    expect((await api(t, 'GET', `${CM}/frozen`)).json.data).toEqual({ a: 'b' });
  });

  it('refuses a JSON patch whose test fails, changing nothing', async () => {
    await api(t, 'POST', CM, { metadata: { name: 'patched' }, data: { a: 'b' } });
    const r = await api(t, 'PATCH', `${CM}/patched`, [{ op: 'test', path: '/data/a', value: 'zzz' }, { op: 'replace', path: '/data/a', value: 'c' }], {
      'Content-Type': 'application/json-patch+json',
    });
    expect(r.status).toBe(422);
    expect((await api(t, 'GET', `${CM}/patched`)).json.data).toEqual({ a: 'b' });
  });

  it('refuses an unsupported patch content type with 415', async () => {
    const r = await api(t, 'PATCH', `${CM}/patched`, { data: {} }, { 'Content-Type': 'application/json' });
    expect(r.status).toBe(415);
  });
});

describe('bad queries and credentials', () => {
  it.each([
    ['an unparsable label selector', `${CM}?labelSelector=${encodeURIComponent('a in (b')}`, 400],
    ['an unsupported field selector', `${CM}?fieldSelector=spec.nodeName%3Dx`, 400],
    ['a negative limit', `${CM}?limit=-1`, 400],
    ['a bad continue token', `${CM}?limit=1&continue=garbage`, 400],
    ['a non-numeric resourceVersion', `${CM}?resourceVersion=abc`, 400],
    ['an unknown resource', '/api/v1/namespaces/bad/widgets', 404],
    ['an unknown group', '/apis/nope.example.com/v1/things', 404],
  ])('%s: %i', async (_name, path, status) => {
    const r = await api(t, 'GET', path);
    expect(r.status).toBe(status);
    expect(r.json.kind).toBe('Status');
  });

  it('refuses requests without a token or with a wrong one (401)', async () => {
    expect((await api(t, 'GET', '/api/v1/namespaces', undefined, {}, { token: null })).status).toBe(401);
    const wrong = await api(t, 'GET', '/api/v1/namespaces', undefined, {}, { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('survives random bodies on every verb and stays ready', async () => {
    for (let i = 0; i < 40; i++) {
      const method = ['POST', 'PUT', 'PATCH', 'DELETE'][i % 4]!;
      const type = ['application/json', 'application/yaml', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json'][i % 5]!;
      const r = await api(t, method, `${CM}/patched`, randomBytes(1 + (i * 37) % 300), { 'Content-Type': type });
      expect(r.status, `${method} ${type}: ${r.text}`).toBeLessThan(500);
    }
    expect((await api(t, 'GET', '/readyz')).status).toBe(200);
  });
});
