import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import { SCHEMA_VERSION } from './sqlite-schema';
import { SqliteStore } from './sqlite-store';
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionCompactedError,
  type Store,
  type StoreEvent,
} from './types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const backends: Array<[string, () => Store]> = [
  ['memory', () => new MemoryStore()],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'wh-store-'));
      dirs.push(dir);
      return new SqliteStore(join(dir, 'state.db'));
    },
  ],
];

describe.each(backends)('%s store', (_name, open) => {
  it('increases the revision with every write and keeps create/mod revisions', async () => {
    const s = open();
    const a = await s.create('/a', '1');
    const b = await s.create('/b', '2');
    const a2 = await s.update('/a', '3', a.modRevision);
    expect([a.modRevision, b.modRevision, a2.modRevision]).toEqual([1, 2, 3]);
    expect(a2.createRevision).toBe(1);
    await s.delete('/b');
    expect(s.currentRevision()).toBe(4);
    expect(await s.get('/b')).toBeUndefined();
    await s.close();
  });

  it('refuses a create of an existing key and a stale compare-and-swap', async () => {
    const s = open();
    const a = await s.create('/a', '1');
    await expect(s.create('/a', '2')).rejects.toBeInstanceOf(KeyExistsError);
    await s.update('/a', '2', a.modRevision);
    await expect(s.update('/a', '3', a.modRevision)).rejects.toBeInstanceOf(ConflictError);
    await expect(s.update('/missing', '3', 1)).rejects.toBeInstanceOf(KeyNotFoundError);
    await expect(s.delete('/a', a.modRevision)).rejects.toBeInstanceOf(ConflictError);
    expect((await s.get('/a'))!.value).toBe('2');
    expect(s.currentRevision()).toBe(2);
    await s.close();
  });

  it('gives concurrent writes to one key the outcome of running them one by one', async () => {
    const s = open();
    const results = await Promise.allSettled([s.create('/c', '1'), s.create('/c', '2'), s.create('/d', '3')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(KeyExistsError);
    const c = (results[0] as PromiseFulfilledResult<{ modRevision: number }>).value;
    const updates = await Promise.allSettled([s.update('/c', 'x', c.modRevision), s.update('/c', 'y', c.modRevision)]);
    expect(updates.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((updates[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await s.get('/c'))!.value).toBe('x');
    expect(s.currentRevision()).toBe(3);
    await s.close();
  });

  it('applies a create, delete and re-create of one key in a single batch in order', async () => {
    const s = open();
    const first = await s.create('/k', 'a');
    const results = await Promise.allSettled([
      s.delete('/k', first.modRevision),
      s.update('/k', 'lost', first.modRevision),
      s.create('/k', 'b'),
      s.create('/k', 'c'),
      s.delete('/gone'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(KeyNotFoundError);
    expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(KeyExistsError);
    expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(KeyNotFoundError);
    const now = (await s.get('/k'))!;
    expect(now).toMatchObject({ value: 'b', createRevision: 3, modRevision: 3 });
    expect((await s.update('/k', 'd', 3)).modRevision).toBe(4);
    expect((await s.range('/')).items.map((kv) => kv.value)).toEqual(['d']);
    await s.close();
  });

  it('ranges by prefix in key order with limit and startAfter', async () => {
    const s = open();
    for (const k of ['/p/c', '/p/a', '/q/a', '/p/b', '/pa']) await s.create(k, k);
    const all = await s.range('/p/');
    expect(all.items.map((i) => i.key)).toEqual(['/p/a', '/p/b', '/p/c']);
    const page1 = await s.range('/p/', { limit: 2 });
    expect(page1.items.map((i) => i.key)).toEqual(['/p/a', '/p/b']);
    expect(page1.more).toBe(true);
    const page2 = await s.range('/p/', { limit: 2, startAfter: '/p/b' });
    expect(page2.items.map((i) => i.key)).toEqual(['/p/c']);
    expect(page2.more).toBe(false);
    await s.close();
  });

  it('watches from a past revision, then live, filtered by prefix', async () => {
    const s = open();
    await s.create('/w/a', '1');
    const second = await s.create('/w/b', '2');
    await s.create('/x/a', '3');
    const seen: StoreEvent[] = [];
    const w = s.watch('/w/', 1, (evs) => seen.push(...evs));
    expect(seen.map((e) => e.kv.key)).toEqual(['/w/b']);
    await s.update('/w/b', '4', second.modRevision);
    await s.delete('/w/a');
    expect(seen.map((e) => [e.type, e.kv.key, e.revision])).toEqual([
      ['put', '/w/b', 2],
      ['put', '/w/b', 4],
      ['delete', '/w/a', 5],
    ]);
    expect(seen[1]!.prevKv!.value).toBe('2');
    w.cancel();
    await s.create('/w/c', '5');
    expect(seen).toHaveLength(3);
    await s.close();
  });

  it('answers too old for a compacted revision', async () => {
    const s = open();
    for (let i = 0; i < 5; i++) await s.create(`/k/${i}`, 'v');
    await s.compact(3);
    expect(() => s.watch('/k/', 2, () => {})).toThrow(RevisionCompactedError);
    const seen: StoreEvent[] = [];
    s.watch('/k/', 3, (evs) => seen.push(...evs));
    expect(seen.map((e) => e.revision)).toEqual([4, 5]);
    await s.close();
  });
});

describe('sqlite store persistence', () => {
  it('finds keys and the revision as they were after a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-store-'));
    dirs.push(dir);
    const file = join(dir, 'state.db');
    const s1 = new SqliteStore(file);
    await s1.create('/a', '1');
    await s1.create('/b', '2');
    await s1.delete('/b');
    await s1.close();
    const s2 = new SqliteStore(file);
    expect(s2.currentRevision()).toBe(3);
    expect((await s2.get('/a'))!.value).toBe('1');
    expect(await s2.get('/b')).toBeUndefined();
    expect(() => s2.watch('/', 1, () => {})).toThrow(RevisionCompactedError);
    const next = await s2.create('/c', '3');
    expect(next.modRevision).toBe(4);
    await s2.close();
  });

  // The layouts before the current one, as earlier releases wrote them.
  it.each([
    ['the first layout (WITHOUT ROWID, before versioning)', 0, 'key TEXT PRIMARY KEY, value TEXT NOT NULL, create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL) WITHOUT ROWID'],
    ['the second (a unique index on key)', 2, 'id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL, create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL)'],
  ])('migrates a data dir from %s, keeping every key and the revision', async (_name, version, columns) => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-store-'));
    dirs.push(dir);
    const file = join(dir, 'state.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(`
      CREATE TABLE kv (${columns};
      CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO meta VALUES ('revision', 7);
      INSERT INTO kv (key, value, create_rev, mod_rev) VALUES ('/r/b', 'B', 2, 6), ('/r/a', 'A', 1, 1), ('/s/c', 'C', 5, 5);
    `);
    old.pragma(`user_version = ${version}`);
    old.close();

    const s = new SqliteStore(file);
    expect(s.currentRevision()).toBe(7);
    expect((await s.range('/r/')).items).toEqual([
      { key: '/r/a', value: 'A', createRevision: 1, modRevision: 1 },
      { key: '/r/b', value: 'B', createRevision: 2, modRevision: 6 },
    ]);
    await expect(s.create('/r/a', 'again')).rejects.toBeInstanceOf(KeyExistsError);
    expect((await s.update('/s/c', 'C2', 5)).modRevision).toBe(8);
    await s.close();

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare("SELECT sql FROM sqlite_master WHERE name = 'kv'").pluck().get()).not.toMatch(/WITHOUT ROWID|UNIQUE/);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'kv'").pluck().get()).toBe(0);
    check.close();
    const again = new SqliteStore(file);
    expect((await again.get('/s/c'))!.value).toBe('C2');
    expect((await again.range('/')).items.map((kv) => kv.key)).toEqual(['/r/a', '/r/b', '/s/c']);
    await again.close();
  });

  it('refuses a data dir written with a newer store schema and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-store-'));
    dirs.push(dir);
    const file = join(dir, 'state.db');
    const newer = new Database(file);
    newer.exec("CREATE TABLE kv (anything TEXT); CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);");
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => new SqliteStore(file)).toThrow(/newer Wheelhouse/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });
});
