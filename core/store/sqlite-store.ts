// Default backend: one SQLite file in WAL mode. Every write is its own transaction, committed
// before the promise resolves, so an acknowledged write survives kill -9 of the process
// (WAL with synchronous=NORMAL loses nothing on a process crash; FULL also survives power loss).
import Database from 'better-sqlite3';
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  type KeyValue,
  type RangeOptions,
  type RangeResult,
  type Store,
  type Watch,
  type WatchHandler,
} from './types';
import { WatchHub } from './watch-hub';

interface Row {
  key: string;
  value: string;
  create_rev: number;
  mod_rev: number;
}

const toKv = (r: Row): KeyValue => ({
  key: r.key,
  value: r.value,
  createRevision: r.create_rev,
  modRevision: r.mod_rev,
});

/** The first string greater than every string that starts with prefix. */
function prefixEnd(prefix: string): string {
  return prefix + '\u{10FFFF}';
}

export interface SqliteStoreOptions {
  /** 'full' fsyncs every commit (survives power loss); 'normal' survives process crashes. */
  synchronous?: 'normal' | 'full';
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private revision: number;
  private readonly hub: WatchHub;
  private readonly stmts;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        create_rev INTEGER NOT NULL,
        mod_rev INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0);
    `);
    this.stmts = {
      get: this.db.prepare<[string], Row>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key = ?'),
      rangeFrom: this.db.prepare<[string, string, number], Row>(
        'SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key LIMIT ?',
      ),
      rangeAfter: this.db.prepare<[string, string, number], Row>(
        'SELECT key, value, create_rev, mod_rev FROM kv WHERE key > ? AND key < ? ORDER BY key LIMIT ?',
      ),
      insert: this.db.prepare('INSERT INTO kv (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE kv SET value = ?, mod_rev = ? WHERE key = ?'),
      remove: this.db.prepare('DELETE FROM kv WHERE key = ?'),
      setRev: this.db.prepare("UPDATE meta SET value = ? WHERE name = 'revision'"),
      getRev: this.db.prepare<[], { value: number }>("SELECT value FROM meta WHERE name = 'revision'"),
    };
    this.revision = this.stmts.getRev.get()!.value;
    // History does not survive a restart: watchers from before it must re-list (410 Expired).
    this.hub = new WatchHub(this.revision);
  }

  currentRevision(): number {
    return this.revision;
  }

  compactedRevision(): number {
    return this.hub.compactedRevision();
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const row = this.stmts.get.get(key);
    return row && toKv(row);
  }

  async range(prefix: string, opts: RangeOptions = {}): Promise<RangeResult> {
    const limit = opts.limit && opts.limit > 0 ? opts.limit : -1;
    const sqlLimit = limit > 0 ? limit + 1 : -1;
    const rows =
      opts.startAfter !== undefined && opts.startAfter >= prefix
        ? this.stmts.rangeAfter.all(opts.startAfter, prefixEnd(prefix), sqlLimit)
        : this.stmts.rangeFrom.all(prefix, prefixEnd(prefix), sqlLimit);
    const more = limit > 0 && rows.length > limit;
    if (more) rows.pop();
    return { items: rows.map(toKv), revision: this.revision, more };
  }

  async create(key: string, value: string): Promise<KeyValue> {
    const rev = this.revision + 1;
    this.tx(() => {
      if (this.stmts.get.get(key)) throw new KeyExistsError(key);
      this.stmts.insert.run(key, value, rev, rev);
      this.stmts.setRev.run(rev);
    });
    this.revision = rev;
    const kv: KeyValue = { key, value, createRevision: rev, modRevision: rev };
    this.hub.publish({ type: 'put', kv, revision: rev });
    return kv;
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    const rev = this.revision + 1;
    const prev = this.tx(() => {
      const row = this.stmts.get.get(key);
      if (!row) throw new KeyNotFoundError(key);
      if (row.mod_rev !== expectedModRevision) throw new ConflictError(key, toKv(row));
      this.stmts.update.run(value, rev, key);
      this.stmts.setRev.run(rev);
      return toKv(row);
    });
    this.revision = rev;
    const kv: KeyValue = { key, value, createRevision: prev.createRevision, modRevision: rev };
    this.hub.publish({ type: 'put', kv, prevKv: prev, revision: rev });
    return kv;
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    const rev = this.revision + 1;
    const prev = this.tx(() => {
      const row = this.stmts.get.get(key);
      if (!row) throw new KeyNotFoundError(key);
      if (expectedModRevision !== undefined && row.mod_rev !== expectedModRevision) {
        throw new ConflictError(key, toKv(row));
      }
      this.stmts.remove.run(key);
      this.stmts.setRev.run(rev);
      return toKv(row);
    });
    this.revision = rev;
    this.hub.publish({ type: 'delete', kv: { ...prev, modRevision: rev }, prevKv: prev, revision: rev });
    return prev;
  }

  watch(prefix: string, fromRevision: number, handler: WatchHandler): Watch {
    return this.hub.watch(prefix, fromRevision, handler);
  }

  async compact(revision: number): Promise<void> {
    this.hub.compact(Math.min(revision, this.revision));
  }

  async close(): Promise<void> {
    this.hub.close();
    this.db.close();
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
