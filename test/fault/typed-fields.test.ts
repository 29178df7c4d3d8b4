// Every typed field of every built-in kind refuses a value of the wrong type, as decoding into
// the Go type does in kube-apiserver: through create, server-side apply and merge patch, with a
// 4xx Status naming the field, nothing stored, and the server answering /readyz throughout.
// The kinds come from the server's discovery, the fields from its /openapi/v3 documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import { api, type ApiResponse, type ApiTarget } from '../support/api-client';

let cluster: Cluster;
let t: ApiTarget;
let dir: string;

const NS = 'typed';
const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

type Category = 'int32' | 'int64' | 'bool' | 'string' | 'byte' | 'stringMap' | 'quantity' | 'quantityMap' | 'intOrString' | 'list' | 'object' | 'map';

/** Values of the wrong JSON type (or out of range) for each kind of field. */
const WRONG: Record<Category, unknown[]> = {
  int32: ['3', 1.5, 2 ** 31, -(2 ** 31) - 1, true, {}, [1]],
  int64: ['3', 0.5, 2 ** 64, false, {}, []],
  bool: ['true', 0, {}, ['x']],
  string: [5, true, {}, ['x']],
  byte: [5, true, {}],
  stringMap: [{ a: 5 }, { a: true }, { a: {} }, { a: [1] }, true, 'x', 3, [1]],
  quantity: ['lots', '1.2.3', true, {}, [1]],
  quantityMap: [{ cpu: 'lots' }, { cpu: true }, { cpu: {} }],
  intOrString: [1.5, 2 ** 31, true, {}, []],
  list: ['x', 5, {}, true],
  object: ['x', 5, [], true],
  map: ['x', 5, [], true],
};

/** Field positions kept per kind and category: enough to cover every shape, quick to run. */
const PER_CATEGORY = 3;
const MAX_DEPTH = 8;

interface OpenApiSchema {
  type?: string;
  format?: string;
  $ref?: string;
  allOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

interface Kind {
  kind: string;
  apiVersion: string;
  /** The collection URL the objects are created in. */
  collection: string;
  /** Field positions by category: each a path of field names, '[]' marking a list item. */
  fields: Map<Category, string[][]>;
}

interface Case {
  kind: Kind;
  path: string[];
  category: Category;
  value: unknown;
}

const refName = (s: OpenApiSchema): string | undefined => (s.$ref ?? s.allOf?.find((p) => p.$ref)?.$ref)?.split('/').pop();

function categorise(schema: OpenApiSchema, resolve: (s: OpenApiSchema) => OpenApiSchema): Category | undefined {
  const ref = refName(schema);
  if (ref?.endsWith('resource.Quantity')) return 'quantity';
  if (ref?.endsWith('intstr.IntOrString')) return 'intOrString';
  const s = resolve(schema);
  if (s['x-kubernetes-preserve-unknown-fields'] || s.type === undefined) return undefined;
  if (s.type === 'integer') return s.format === 'int32' ? 'int32' : 'int64';
  if (s.type === 'boolean') return 'bool';
  if (s.type === 'string') return s.format === 'byte' ? 'byte' : 'string';
  if (s.type === 'array') return 'list';
  if (typeof s.additionalProperties === 'object') {
    const value = s.additionalProperties;
    if (refName(value)?.endsWith('resource.Quantity')) return 'quantityMap';
    return resolve(value).type === 'string' && resolve(value).format !== 'byte' ? 'stringMap' : 'map';
  }
  return s.type === 'object' ? 'object' : undefined;
}

/** Field positions of a kind's schema by category, breadth first (shallow fields first). */
function fieldsOf(root: OpenApiSchema, components: Record<string, OpenApiSchema>): Map<Category, string[][]> {
  const resolve = (s: OpenApiSchema): OpenApiSchema => {
    const ref = refName(s);
    return ref ? { ...components[ref], ...s, $ref: undefined, allOf: undefined } : s;
  };
  const out = new Map<Category, string[][]>();
  const queue: Array<{ schema: OpenApiSchema; path: string[]; seen: string[] }> = [{ schema: root, path: [], seen: [] }];
  while (queue.length) {
    const { schema, path, seen } = queue.shift()!;
    const s = resolve(schema);
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (path.length === 0 && (name === 'apiVersion' || name === 'kind')) continue;
      const category = categorise(prop, resolve);
      if (!category) continue;
      const list = out.get(category) ?? [];
      if (list.length < PER_CATEGORY) out.set(category, [...list, [...path, name]]);
      const ref = refName(prop);
      const inner = resolve(prop);
      const item = inner.type === 'array' && inner.items ? inner.items : undefined;
      const next = item ?? prop;
      const nextRef = refName(next);
      if (path.length < MAX_DEPTH && nextRef && !seen.includes(nextRef) && resolve(next).properties) {
        queue.push({ schema: next, path: item ? [...path, name, '[]'] : [...path, name], seen: [...seen, nextRef, ref ?? ''] });
      }
    }
  }
  return out;
}

/** A body that is empty but for the value at path (list items are one-element lists). */
function bodyWith(kind: Kind, name: string, path: string[], value: unknown): Record<string, unknown> {
  let inner: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) inner = path[i] === '[]' ? [inner] : { [path[i]!]: inner };
  const body: Record<string, unknown> = { apiVersion: kind.apiVersion, kind: kind.kind, ...(inner as Record<string, unknown>) };
  // A name, unless metadata or metadata.name is the field under test.
  if (path[0] !== 'metadata') body.metadata = { name };
  else if (path.length > 1 && path[1] !== 'name') body.metadata = { ...(body.metadata as object), name };
  return body;
}

/** The Go decoder names the field by its struct fields only: no list indexes, no map keys. */
const dotted = (path: string[]): string => path.filter((p) => p !== '[]').join('.');

async function discoverKinds(): Promise<Kind[]> {
  const groupVersions = ['/api/v1'];
  for (const g of (await api(t, 'GET', '/apis')).json.groups as Array<{ versions: Array<{ groupVersion: string }> }>) {
    for (const v of g.versions) groupVersions.push(`/apis/${v.groupVersion}`);
  }
  const kinds: Kind[] = [];
  for (const gvPath of groupVersions) {
    const list = (await api(t, 'GET', gvPath)).json as { groupVersion: string; resources: Array<{ name: string; kind: string; namespaced: boolean; verbs: string[] }> };
    const doc = (await api(t, 'GET', `/openapi/v3${gvPath}`)).json as { components: { schemas: Record<string, OpenApiSchema> } };
    const components = doc.components.schemas;
    for (const r of list.resources) {
      // Stored kinds only: create-only reviews (TokenReview...) are not objects one can read back.
      if (r.name.includes('/') || !r.verbs.includes('create') || !r.verbs.includes('get')) continue;
      const [group, version] = list.groupVersion.includes('/') ? list.groupVersion.split('/') : ['', list.groupVersion];
      const schemaName = Object.keys(components).find((n) =>
        components[n]!['x-kubernetes-group-version-kind']?.some((gvk) => gvk.group === group && gvk.version === version && gvk.kind === r.kind),
      );
      if (!schemaName) throw new Error(`no schema for ${list.groupVersion} ${r.kind}`);
      kinds.push({
        kind: r.kind,
        apiVersion: list.groupVersion,
        collection: `${gvPath}/${r.namespaced ? `namespaces/${NS}/` : ''}${r.name}`,
        fields: fieldsOf(components[schemaName]!, components),
      });
    }
  }
  return kinds;
}

function expectRefused(r: ApiResponse, c: Case, status: number, reason: string): void {
  const where = `${c.kind.apiVersion} ${c.kind.kind} ${dotted(c.path)} = ${JSON.stringify(c.value)}`;
  expect({ where, status: r.status, kind: r.json?.kind, reason: r.json?.reason, code: r.json?.code }).toEqual({ where, status, kind: 'Status', reason, code: status });
  const message = r.json.message as string;
  if (c.category === 'quantity' || c.category === 'quantityMap') {
    // resource.Quantity's UnmarshalJSON returns ParseQuantity's error, which names no field.
    expect(message, where).toContain(QUANTITY_ERROR);
  } else {
    expect(message, where).toContain(`.${dotted(c.path)} of type `);
  }
}

/** Runs requests a few at a time, checking /readyz between batches. */
async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 16) {
    await Promise.all(items.slice(i, i + 16).map(run));
    if (i % 320 === 0) expect((await api(t, 'GET', '/readyz')).status).toBe(200);
  }
}

let kinds: Kind[] = [];
let cases: Case[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-typed-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  t = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
  expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name: NS } })).status).toBe(201);
  kinds = await discoverKinds();
  cases = kinds.flatMap((kind) =>
    [...kind.fields].flatMap(([category, paths]) => paths.flatMap((path) => WRONG[category].map((value) => ({ kind, path, category, value })))),
  );
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('typed fields of every built-in kind', () => {
  it('covers every kind the server serves and every field type', () => {
    expect(kinds.length).toBeGreaterThan(30);
    const categories = new Set(kinds.flatMap((k) => [...k.fields.keys()]));
    expect([...categories].sort()).toEqual(Object.keys(WRONG).sort());
    console.log(`typed-fields: ${kinds.length} kinds, ${cases.length} create cases, ${cases.length} apply cases`);
  });

  it('refuses each wrong value on create with 400 naming the field, storing nothing', async () => {
    await inBatches(cases.map((c, i) => ({ c, i })), async ({ c, i }) => {
      const r = await api(t, 'POST', c.kind.collection, bodyWith(c.kind, `typed-${i}`, c.path, c.value));
      expectRefused(r, c, 400, 'BadRequest');
      expect(r.json.message).toContain(`${c.kind.kind} in version "${c.kind.apiVersion.split('/').pop()}" cannot be handled as a ${c.kind.kind}: `);
    });
    for (const kind of kinds) {
      const names = ((await api(t, 'GET', kind.collection)).json.items as Array<{ metadata: { name: string } }>).map((o) => o.metadata.name);
      expect(names.filter((n) => n.startsWith('typed-')), kind.collection).toEqual([]);
    }
  });

  it('refuses each wrong value in a server-side apply the same way, storing nothing', async () => {
    await inBatches(cases.map((c, i) => ({ c, i })), async ({ c, i }) => {
      const name = `typed-${i}`;
      const r = await api(t, 'PATCH', `${c.kind.collection}/${name}?fieldManager=typed-test`, bodyWith(c.kind, name, c.path, c.value), {
        'Content-Type': 'application/apply-patch+yaml',
      });
      expectRefused(r, c, 400, 'BadRequest');
    });
    for (const kind of kinds) {
      const names = ((await api(t, 'GET', kind.collection)).json.items as Array<{ metadata: { name: string } }>).map((o) => o.metadata.name);
      expect(names.filter((n) => n.startsWith('typed-')), kind.collection).toEqual([]);
    }
  });

  it('refuses a merge or strategic merge patch (and a scale) that makes a field invalid with 422 on "patch", changing nothing', async () => {
    const deployments = '/apis/apps/v1/namespaces/typed/deployments';
    const template = { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const created = await api(t, 'POST', deployments, { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'w' } }, template } });
    expect(created.status).toBe(201);
    const deployment = kinds.find((k) => k.collection === deployments)!;
    const patchable = cases.filter((c) => c.kind === deployment && c.path[0] === 'spec' && !c.path.includes('[]'));
    expect(patchable.length).toBeGreaterThan(30);
    console.log(`typed-fields: ${patchable.length * 2} patch cases`);
    for (const type of ['application/merge-patch+json', 'application/strategic-merge-patch+json']) {
      await inBatches(patchable, async (c) => {
        const patch = bodyWith(c.kind, 'web', c.path, c.value);
        const r = await api(t, 'PATCH', `${deployments}/web`, { spec: patch.spec }, { 'Content-Type': type });
        expectRefused(r, c, 422, 'Invalid');
        expect(r.json.details.causes[0].field).toBe('patch');
      });
    }
    // kubectl scale: a merge patch of the Scale, or a PUT of it; replicas is an int32 there too.
    for (const replicas of [1e12, 2 ** 31, 1.5, '3', true, {}, []]) {
      const c: Case = { kind: deployment, path: ['spec', 'replicas'], category: 'int32', value: replicas };
      const patched = await api(t, 'PATCH', `${deployments}/web/scale`, { spec: { replicas } }, { 'Content-Type': 'application/merge-patch+json' });
      expectRefused(patched, c, 422, 'Invalid');
      const put = await api(t, 'PUT', `${deployments}/web/scale`, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: NS }, spec: { replicas } });
      expectRefused(put, c, 400, 'BadRequest');
      expect(put.json.message).toContain('Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal');
    }
    const after = await api(t, 'GET', `${deployments}/web`);
    expect(after.json.metadata.resourceVersion).toBe(created.json.metadata.resourceVersion);
    expect((await api(t, 'GET', '/readyz')).status).toBe(200);
  });
});
