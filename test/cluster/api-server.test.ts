// API semantics over HTTPS against an in-process cluster: pagination, watch from a
// resourceVersion, 410 Expired, bookmarks, status kept apart, generation, dry run, deletion
// with finalizers and namespace deletion.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleList } from '../../core/apiserver/handlers/read';
import { startCluster, type Cluster } from '../../core/cluster';
import { api, type ApiTarget } from '../support/api-client';

let cluster: Cluster;
let t: ApiTarget;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-api-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', watchCacheSize: 20, bookmarkIntervalMs: 50, components: 'none' });
  t = { url: cluster.url, caPem: cluster.caPem, token: cluster.token };
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function namespace(): Promise<string> {
  const name = `t${++n}`;
  expect((await api(t, 'POST', '/api/v1/namespaces', { metadata: { name } })).status).toBe(201);
  return name;
}

interface WatchEvent {
  type: string;
  object: { kind?: string; code?: number; reason?: string; metadata: { name?: string; resourceVersion?: string; annotations?: Record<string, string> } };
}

/** Opens a watch; next() resolves with each event in order as it arrives. */
function openWatch(path: string) {
  const queue: WatchEvent[] = [];
  const waiting: Array<(e: WatchEvent) => void> = [];
  const req = request(t.url + path, { ca: t.caPem, headers: { Authorization: `Bearer ${t.token}` } }, (res) => {
    res.on('error', () => undefined); // closed by the test
    const lines = createInterface({ input: res });
    lines.on('error', () => undefined);
    lines.on('line', (line) => {
      const e = JSON.parse(line) as WatchEvent;
      const w = waiting.shift();
      if (w) w(e);
      else queue.push(e);
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    next: () => new Promise<WatchEvent>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))),
    close: () => req.destroy(),
  };
}

describe('lists', () => {
  it('pages with limit and continue, each page in key order, nothing lost or repeated', async () => {
    const ns = await namespace();
    for (let i = 0; i < 7; i++) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `c${i}` } });
    const seen: string[] = [];
    let cont = '';
    let pages = 0;
    do {
      const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=3${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      pages++;
      seen.push(...r.json.items.map((i: { metadata: { name: string } }) => i.metadata.name));
      cont = r.json.metadata.continue ?? '';
      if (cont) expect(r.json.metadata.remainingItemCount).toBe(7 - seen.length);
    } while (cont);
    expect(pages).toBe(3);
    expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  /** The names and data.v of a page of configmaps, and its list metadata. */
  async function page(ns: string, query: string) {
    const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps?${query}`);
    expect(r.status).toBe(200);
    const items = r.json.items as Array<{ metadata: { name: string }; data?: { v?: string } }>;
    return { names: items.map((i) => `${i.metadata.name}${i.data?.v ? `=${i.data.v}` : ''}`), meta: r.json.metadata };
  }

  it('continues a list from the snapshot its first page was taken at, whatever was written since', async () => {
    const ns = await namespace();
    const cm = (name: string, v: string) => ({ metadata: { name }, data: { v } });
    for (const name of ['c0', 'c1', 'c2', 'c3', 'c4']) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, cm(name, '1'));
    const first = await page(ns, 'limit=2');
    expect(first.names).toEqual(['c0=1', 'c1=1']);
    expect(first.meta.remainingItemCount).toBe(3);

    // After the first page: a change, a delete, a create inside the rest and one after it.
    await api(t, 'PUT', `/api/v1/namespaces/${ns}/configmaps/c2`, cm('c2', '2'));
    await api(t, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/c3`);
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, cm('c2a', '1'));
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, cm('c9', '1'));

    const second = await page(ns, `limit=2&continue=${encodeURIComponent(first.meta.continue)}`);
    expect(second.names).toEqual(['c2=1', 'c3=1']);
    expect(second.meta.resourceVersion).toBe(first.meta.resourceVersion);
    expect(second.meta.remainingItemCount).toBe(1);
    const last = await page(ns, `limit=2&continue=${encodeURIComponent(second.meta.continue)}`);
    expect(last.names).toEqual(['c4=1']);
    expect(last.meta.continue).toBeUndefined();
    expect(last.meta.resourceVersion).toBe(first.meta.resourceVersion);

    // A new list sees the writes.
    expect((await page(ns, '')).names).toEqual(['c0=1', 'c1=1', 'c2=2', 'c2a=1', 'c4=1', 'c9=1']);
  });

  it('answers a continue token older than the history with 410 and a token that goes on at the latest revision', async () => {
    const ns = await namespace();
    for (let i = 0; i < 4; i++) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `c${i}` } });
    const first = await page(ns, 'limit=2');
    // The test cluster keeps 20 events of history per resource: 40 writes push the page's revision out.
    for (let i = 0; i < 40; i++) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `d${i}` } });
    await api(t, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/c3`);
    const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=2&continue=${encodeURIComponent(first.meta.continue)}`);
    expect(r.status).toBe(410);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect(r.json.message).toMatch(/^The provided continue parameter is too old to display a consistent list result/);
    // The inconsistent continuation: the rest as it is now.
    const rest = await page(ns, `limit=2&continue=${encodeURIComponent(r.json.metadata.continue)}`);
    expect(rest.names).toEqual(['c2', 'd0']);
    expect(Number(rest.meta.resourceVersion)).toBeGreaterThan(Number(first.meta.resourceVersion));
  });

  it('refuses field labels a kind does not support, Object.prototype names among them', async () => {
    for (const label of ['spec.image', 'constructor', 'toString']) {
      const r = await api(t, 'GET', `/api/v1/pods?fieldSelector=${label}%3Dx`);
      expect(r.status).toBe(400);
      expect(r.json.message).toBe(`field label not supported: ${label}`);
    }
  });

  it('refuses a resourceVersion with continue, and counts remaining items only for unfiltered lists', async () => {
    const ns = await namespace();
    for (let i = 0; i < 3; i++) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `c${i}`, labels: { a: 'b' } } });
    const first = await page(ns, 'limit=1&labelSelector=a%3Db');
    expect(first.meta.continue).toBeTruthy();
    expect(first.meta.remainingItemCount).toBeUndefined();
    const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=1&resourceVersion=${first.meta.resourceVersion}&continue=${encodeURIComponent(first.meta.continue)}`);
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('specifying resource version is not allowed when using continue');
  });

  it('streams a large list in slices that still make one valid list', async () => {
    const ns = await namespace();
    const rs = cluster.registry.storeFor('', 'configmaps')!;
    const user = { username: 'test', groups: ['system:masters'] };
    await Promise.all(Array.from({ length: 1203 }, (_, i) => rs.create(ns, { metadata: { name: `m${String(i).padStart(4, '0')}` } }, { user })));
    const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps`);
    expect(r.json.kind).toBe('ConfigMapList');
    expect(r.json.items).toHaveLength(1203);
    expect(r.json.items[1202].metadata.name).toBe('m1202');
    const table = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps`, undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(table.json.kind).toBe('Table');
    expect(table.json.rows.map((row: { cells: unknown[] }) => row.cells[0])).toEqual(r.json.items.map((i: { metadata: { name: string } }) => i.metadata.name));
    expect(table.json.rows[1202].object.metadata.name).toBe('m1202');
  });

  it('a write that lands while a large list streams does not change the list', async () => {
    const ns = await namespace();
    const rs = cluster.registry.storeFor('', 'configmaps')!;
    const user = { username: 'test', groups: ['system:masters'] };
    await Promise.all(Array.from({ length: 1500 }, (_, i) => rs.create(ns, { metadata: { name: `m${String(i).padStart(4, '0')}` } }, { user })));
    // A response that is full after the first slice and drains only once a create has landed.
    const parts: string[] = [];
    const res = Object.assign(new EventEmitter(), {
      destroyed: false,
      writeHead: () => res,
      write(part: string) {
        parts.push(part);
        if (parts.length === 1) void rs.create(ns, { metadata: { name: 'm9999' } }, { user }).then(() => res.emit('drain'));
        return parts.length > 1;
      },
      end: () => res,
    });
    await handleList(res as unknown as ServerResponse, { store: rs, namespace: ns, query: new URLSearchParams(), shape: { kind: 'object' } });
    const list = JSON.parse(parts.join(''));
    expect(parts.length).toBeGreaterThan(1);
    expect(rs.find(ns, 'm9999')).toBeDefined();
    expect(list.items).toHaveLength(1500);
    expect(list.items.every((i: { metadata: { resourceVersion: string } }) => Number(i.metadata.resourceVersion) <= Number(list.metadata.resourceVersion))).toBe(true);
  });


  it('returns Tables with PartialObjectMetadata rows for kubectl get', async () => {
    const ns = await namespace();
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'tbl', labels: { a: 'b' } }, data: { x: 'y' } });
    const r = await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps`, undefined, {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(r.json.kind).toBe('Table');
    expect(r.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(r.json.rows[0].cells.slice(0, 2)).toEqual(['tbl', 1]);
    expect(r.json.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'tbl', labels: { a: 'b' } } });
  });
});

describe('resourceVersion beyond the store', () => {
  // The largest uint64: a double would print it as 18446744073709552000.
  const MAX_UINT64 = '18446744073709551615';

  async function currentRevision(ns: string): Promise<number> {
    return Number((await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps`)).json.metadata.resourceVersion);
  }

  it.each([
    ['a list', '/api/v1/configmaps?resourceVersion='],
    ['a get', '/api/v1/namespaces/default?resourceVersion='],
  ])('%s from the future answers 504 Timeout, with the number as it was sent', async (_what, path) => {
    const r = await api(t, 'GET', path + MAX_UINT64);
    expect(r.status).toBe(504);
    expect(r.json).toMatchObject({
      kind: 'Status',
      reason: 'Timeout',
      code: 504,
      details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
    });
    expect(r.json.message).toMatch(new RegExp(`^Timeout: Too large resource version: ${MAX_UINT64}, current: \\d+$`));
  });

  it.each([
    ['a list', '/api/v1/configmaps?resourceVersion='],
    ['a get', '/api/v1/namespaces/default?resourceVersion='],
    ['a watch', '/api/v1/configmaps?watch=true&resourceVersion='],
  ])('%s from a resourceVersion past uint64 answers 400, as ParseUint refuses it', async (_what, path) => {
    const r = await api(t, 'GET', path + '99999999999999999999');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    expect(r.json.message).toBe(
      'invalid resource version: resourceVersion: Invalid value: "99999999999999999999": strconv.ParseUint: parsing "99999999999999999999": value out of range',
    );
  });

  it('a watch with initial events from the future gets an ERROR event with the 504 Status', async () => {
    const w = openWatch(`/api/v1/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&resourceVersion=${MAX_UINT64}`);
    const e = await w.next();
    expect(e.type).toBe('ERROR');
    expect(e.object).toMatchObject({ kind: 'Status', code: 504, reason: 'Timeout', message: expect.stringContaining(`Too large resource version: ${MAX_UINT64}`) });
    w.close();
  });

  it('a plain watch from the future waits for that revision and sends only what comes after it', async () => {
    const ns = await namespace();
    const requested = (await currentRevision(ns)) + 2;
    const w = openWatch(`/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${requested}`);
    // Whether the watch registers before, between or after these writes, the first two land at
    // or below the requested revision: f3 is the first event the client may see.
    for (const name of ['f1', 'f2', 'f3']) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name } });
    const e = await w.next();
    expect([e.type, e.object.metadata.name]).toEqual(['ADDED', 'f3']);
    expect(Number(e.object.metadata.resourceVersion)).toBeGreaterThan(requested);
    w.close();
  });
});

describe('watch', () => {
  it('delivers the changes after a resourceVersion, in order, then live ones', async () => {
    const ns = await namespace();
    const a = await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'a' } });
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'b' } });
    const w = openWatch(`/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${a.json.metadata.resourceVersion}`);
    expect((await w.next()).object.metadata.name).toBe('b');
    await api(t, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/a`);
    const del = await w.next();
    expect([del.type, del.object.metadata.name]).toEqual(['DELETED', 'a']);
    w.close();
  });

  it('sends an ERROR event with 410 Expired for a resourceVersion older than the watch history', async () => {
    const ns = await namespace();
    const first = await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'old' } });
    // The cache keeps 20 events per resource (trimmed in batches, so up to 36); push the first out.
    for (let i = 0; i < 60; i++) await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `x${i}` } });
    const w = openWatch(`/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${first.json.metadata.resourceVersion}`);
    const e = await w.next();
    expect(e.type).toBe('ERROR');
    expect(e.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    w.close();
  });

  it('sends bookmarks when asked, and a selector turns an object that stops matching into DELETED', async () => {
    const ns = await namespace();
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'sel', labels: { keep: 'yes' } } });
    const w = openWatch(`/api/v1/namespaces/${ns}/configmaps?watch=true&allowWatchBookmarks=true&labelSelector=keep%3Dyes`);
    expect((await w.next()).type).toBe('ADDED');
    await api(t, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/sel`, { metadata: { labels: { keep: 'no' } } }, { 'Content-Type': 'application/merge-patch+json' });
    let e = await w.next();
    while (e.type === 'BOOKMARK') e = await w.next();
    expect([e.type, e.object.metadata.name]).toEqual(['DELETED', 'sel']);
    let bookmark = await w.next();
    while (bookmark.type !== 'BOOKMARK') bookmark = await w.next();
    expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThan(0);
    w.close();
  });
});

describe('writes', () => {
  it('treats __proto__ as an ordinary map key through create, every patch type and apply', async () => {
    const ns = await namespace();
    const path = `/api/v1/namespaces/${ns}/configmaps/proto`;
    const data = async () => JSON.stringify((await api(t, 'GET', path)).json.data);
    // Bodies are written as text: an object literal's __proto__ would not be a key.
    const created = await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, '{"metadata":{"name":"proto"},"data":{"__proto__":"v1","a":"x"}}');
    expect(created.status).toBe(201);
    expect(await data()).toBe('{"__proto__":"v1","a":"x"}');
    const patches: Array<[string, string, string]> = [
      ['application/merge-patch+json', '{"data":{"__proto__":"v2"}}', 'v2'],
      ['application/strategic-merge-patch+json', '{"data":{"__proto__":"v3"}}', 'v3'],
      ['application/apply-patch+yaml', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"proto"},"data":{"__proto__":"v4"}}', 'v4'],
    ];
    for (const [type, body, value] of patches) {
      const query = type.startsWith('application/apply') ? '?fieldManager=test&force=true' : '';
      const r = await api(t, 'PATCH', path + query, body, { 'Content-Type': type });
      expect(r.status).toBe(200);
      expect(JSON.parse(await data()).__proto__).toBe(value);
    }
    const removed = await api(t, 'PATCH', path, '{"data":{"__proto__":null}}', { 'Content-Type': 'application/merge-patch+json' });
    expect(removed.status).toBe(200);
    expect(await data()).toBe('{"a":"x"}');
    expect(({} as { v4?: unknown }).v4).toBeUndefined();
  });

  it('a patch that sets another resourceVersion is a 409 Conflict; the current one is accepted', async () => {
    const ns = await namespace();
    const path = `/api/v1/namespaces/${ns}/configmaps/rv`;
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'rv' } });
    const merge = { 'Content-Type': 'application/merge-patch+json' };
    const stale = await api(t, 'PATCH', path, { metadata: { resourceVersion: '1', labels: { a: 'b' } } }, merge);
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe('Operation cannot be fulfilled on configmaps "rv": the object has been modified; please apply your changes to the latest version and try again');
    const current = (await api(t, 'GET', path)).json.metadata.resourceVersion;
    const fresh = await api(t, 'PATCH', path, { metadata: { resourceVersion: current, labels: { a: 'b' } } }, merge);
    expect(fresh.status).toBe(200);
    expect(fresh.json.metadata.labels).toEqual({ a: 'b' });
  });

  const deployment = (name: string) => ({
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.8' }] } },
    },
  });

  it('keeps status apart: the main resource ignores status, /status ignores spec; generation follows spec', async () => {
    const ns = await namespace();
    const base = `/apis/apps/v1/namespaces/${ns}/deployments`;
    const created = await api(t, 'POST', base, deployment('d'));
    expect(created.json.metadata.generation).toBe(1);
    const s = await api(t, 'PATCH', `${base}/d/status`, { status: { replicas: 3 }, spec: { replicas: 9 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(s.json.status.replicas).toBe(3);
    expect(s.json.spec.replicas).toBe(1);
    expect(s.json.metadata.generation).toBe(1);
    const m = await api(t, 'PATCH', `${base}/d`, { status: { replicas: 7 }, spec: { replicas: 2 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(m.json.status.replicas).toBe(3);
    expect(m.json.spec.replicas).toBe(2);
    expect(m.json.metadata.generation).toBe(2);
    const labelled = await api(t, 'PATCH', `${base}/d`, { metadata: { labels: { x: 'y' } } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(labelled.json.metadata.generation).toBe(2);
  });

  it('namespaces/finalize: a PUT of the namespace changes its spec only; other methods are refused', async () => {
    const ns = await namespace();
    const path = `/api/v1/namespaces/${ns}/finalize`;
    const current = (await api(t, 'GET', `/api/v1/namespaces/${ns}`)).json;
    const put = await api(t, 'PUT', path, { ...current, metadata: { ...current.metadata, labels: { x: 'y' } }, spec: { finalizers: ['example.com/x'] } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.spec).toEqual({ finalizers: ['example.com/x'] });
    expect(put.json.metadata.labels.x).toBeUndefined();
    expect((await api(t, 'GET', path)).status).toBe(405);
  });

  it("a kind's own subresources answer only the verbs they declare", async () => {
    const ns = await namespace();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect((await api(t, 'POST', `/api/v1/namespaces/${ns}/pods`, pod)).status).toBe(201);
    const refused: Array<[string, string]> = [
      ['GET', `/api/v1/namespaces/${ns}/pods/p/binding`],
      ['PUT', `/api/v1/namespaces/${ns}/pods/p/eviction`],
      ['POST', `/api/v1/namespaces/${ns}/pods/p/log`],
      ['DELETE', `/api/v1/namespaces/${ns}/serviceaccounts/default/token`],
    ];
    for (const [method, path] of refused) {
      const r = await api(t, method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect([method, path, r.status, r.json.reason]).toEqual([method, path, 405, 'MethodNotAllowed']);
    }
    const bound = await api(t, 'POST', `/api/v1/namespaces/${ns}/pods/p/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'n1' } });
    expect(bound.status, bound.text).toBe(201);
  });

  it('dry run validates and answers but stores nothing', async () => {
    const ns = await namespace();
    const r = await api(t, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments?dryRun=All`, deployment('dry'));
    expect(r.status).toBe(201);
    expect(r.json.spec.strategy.type).toBe('RollingUpdate');
    expect((await api(t, 'GET', `/apis/apps/v1/namespaces/${ns}/deployments/dry`)).status).toBe(404);
    await api(t, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment('real'));
    const patched = await api(t, 'PATCH', `/apis/apps/v1/namespaces/${ns}/deployments/real?dryRun=All`, { spec: { replicas: 4 } }, {
      'Content-Type': 'application/merge-patch+json',
    });
    expect(patched.json.spec.replicas).toBe(4);
    expect((await api(t, 'GET', `/apis/apps/v1/namespaces/${ns}/deployments/real`)).json.spec.replicas).toBe(1);
  });

  it('generateName makes a name from the base and five random consonants and digits', async () => {
    const ns = await namespace();
    const r = await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { generateName: 'cfg-' } });
    expect(r.json.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('deletion waits for finalizers, then completes when the last one is removed', async () => {
    const ns = await namespace();
    const path = `/api/v1/namespaces/${ns}/configmaps/held`;
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    const d = await api(t, 'DELETE', path);
    expect(d.status).toBe(200);
    expect(d.json.metadata.deletionTimestamp).toBeDefined();
    expect((await api(t, 'GET', path)).status).toBe(200);
    await api(t, 'PATCH', path, { metadata: { finalizers: null } }, { 'Content-Type': 'application/merge-patch+json' });
    expect((await api(t, 'GET', path)).status).toBe(404);
  });

  it('foreground and orphan propagation add their finalizers', async () => {
    const ns = await namespace();
    for (const [policy, finalizer] of [['Foreground', 'foregroundDeletion'], ['Orphan', 'orphan']]) {
      await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: policy.toLowerCase() } });
      const d = await api(t, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/${policy.toLowerCase()}`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy });
      expect(d.status, d.text).toBe(200);
      expect(d.json.metadata.finalizers).toContain(finalizer);
    }
  });

  it('deleting a namespace deletes everything in it, then the namespace', async () => {
    const ns = await namespace();
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'c' } });
    // Held by a finalizer, so the namespace stays Terminating until the test lets it go.
    await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    await api(t, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment('d'));
    const w = openWatch(`/api/v1/namespaces?watch=true&fieldSelector=metadata.name%3D${ns}`);
    expect((await w.next()).type).toBe('ADDED');
    const d = await api(t, 'DELETE', `/api/v1/namespaces/${ns}`);
    expect(d.json.status.phase).toBe('Terminating');
    const late = await api(t, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: 'late' } });
    expect(late.status).toBe(403);
    expect(late.json.message).toMatch(/because it is being terminated/);
    let e = await w.next();
    while (e.type !== 'MODIFIED') e = await w.next();
    expect((await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps/held`)).json.metadata.deletionTimestamp).toBeDefined();
    await api(t, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/held`, { metadata: { finalizers: null } }, { 'Content-Type': 'application/merge-patch+json' });
    while (e.type !== 'DELETED') e = await w.next();
    expect((await api(t, 'GET', `/api/v1/namespaces/${ns}/configmaps/c`)).status).toBe(404);
    expect((await api(t, 'GET', `/apis/apps/v1/namespaces/${ns}/deployments/d`)).status).toBe(404);
    w.close();
  });
});
