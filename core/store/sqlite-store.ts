// Default backend: one SQLite file in WAL mode. Every write is committed before its promise
// resolves (writes arriving together share one transaction), so an acknowledged write survives kill -9 of the process
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
  type StoreEvent,
  type Watch,
  type WatchHandler,
} from './types';
import { openSchema } from './sqlite-schema';
import { WalCheckpointer } from './wal-checkpointer';
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

/**
 * Writes after which the WAL is checkpointed. The checkpoint runs in a worker and never blocks
 * writes, so it need not wait for a quiet moment; it keeps the WAL (and reads through it) small.
 */
const CHECKPOINT_EVERY = 1000;

interface PendingWrite {
  kind: 'create' | 'update' | 'delete';
  key: string;
  value?: string;
  expected?: number;
  resolve: (kv: KeyValue) => void;
  reject: (e: Error) => void;
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
  private pending: PendingWrite[] = [];
  /** Writes since the last checkpoint. */
  private sinceCheckpoint = 0;
  private readonly checkpointer: WalCheckpointer;
  private readonly commitBatch: Database.Transaction<(apply: () => void) => void>;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Checkpoints (copying the WAL into the database) run in a worker (wal-checkpointer.ts):
    // SQLite's automatic ones would stall whichever write crossed the limit.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer(file);
    openSchema(this.db);
    this.stmts = {
      get: this.db.prepare<[string], Row>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key = ?'),
      rangeFrom: this.db.prepare<[string, string, number], Row>(
        'SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key LIMIT ?',
      ),
      rangeAfter: this.db.prepare<[string, string, number], Row>(
        'SELECT key, value, create_rev, mod_rev FROM kv WHERE key > ? AND key < ? ORDER BY key LIMIT ?',
      ),
      // OR IGNORE: a key that exists changes nothing, which the create sees as 0 changes.
      insert: this.db.prepare('INSERT OR IGNORE INTO kv (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE kv SET value = ?, mod_rev = ? WHERE key = ?'),
      remove: this.db.prepare('DELETE FROM kv WHERE key = ?'),
      setRev: this.db.prepare("UPDATE meta SET value = ? WHERE name = 'revision'"),
      getRev: this.db.prepare<[], { value: number }>("SELECT value FROM meta WHERE name = 'revision'"),
    };
    this.revision = this.stmts.getRev.get()!.value;
    // Made once: better-sqlite3 builds a transaction's wrappers each time transaction() is called.
    this.commitBatch = this.db.transaction((apply: () => void) => apply());
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

  create(key: string, value: string): Promise<KeyValue> {
    return this.enqueue('create', key, value, undefined);
  }

  update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    return this.enqueue('update', key, value, expectedModRevision);
  }

  delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.enqueue('delete', key, undefined, expectedModRevision);
  }

  /**
   * Group commit: writes issued while the event loop handles one batch of I/O go into one
   * transaction, committed before any of them is acknowledged. Each write still checks its own
   * precondition against the state the writes before it left, so the outcome is the same as
   * running them one by one; only the fsync/transaction cost is shared.
   */
  private enqueue(kind: PendingWrite['kind'], key: string, value: string | undefined, expected: number | undefined): Promise<KeyValue> {
    return new Promise<KeyValue>((resolve, reject) => {
      this.pending.push({ kind, key, value, expected, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const results: Array<{ event?: StoreEvent; result?: KeyValue; error?: Error }> = [];
    let revision = this.revision;
    try {
      this.commitBatch.immediate(() => {
        for (const op of batch) {
          const outcome = this.apply(op, revision + 1);
          if (outcome.event) revision = outcome.event.revision;
          results.push(outcome);
        }
        if (revision !== this.revision) this.stmts.setRev.run(revision);
      });
    } catch (e) {
      for (const op of batch) op.reject(e as Error);
      return;
    }
    this.revision = revision;
    this.sinceCheckpoint += batch.length;
    if (this.sinceCheckpoint >= CHECKPOINT_EVERY) {
      this.sinceCheckpoint = 0;
      void this.checkpointer.request();
    }
    batch.forEach((op, i) => {
      const r = results[i]!;
      if (r.event) this.hub.publish(r.event);
      if (r.error) op.reject(r.error);
      else op.resolve(r.result!);
    });
  }

  /** One write inside the batch transaction; a failed precondition fails only this write. */
  private apply(op: PendingWrite, rev: number): { event?: StoreEvent; result?: KeyValue; error?: Error } {
    if (op.kind === 'create') {
      if (this.stmts.insert.run(op.key, op.value, rev, rev).changes === 0) return { error: new KeyExistsError(op.key) };
      const kv: KeyValue = { key: op.key, value: op.value!, createRevision: rev, modRevision: rev };
      return { event: { type: 'put', kv, revision: rev }, result: kv };
    }
    const row = this.stmts.get.get(op.key);
    const prev = row && toKv(row);
    if (!prev) return { error: new KeyNotFoundError(op.key) };
    if (op.expected !== undefined && prev.modRevision !== op.expected) return { error: new ConflictError(op.key, prev) };
    if (op.kind === 'update') {
      this.stmts.update.run(op.value, rev, op.key);
      const kv: KeyValue = { key: op.key, value: op.value!, createRevision: prev.createRevision, modRevision: rev };
      return { event: { type: 'put', kv, prevKv: prev, revision: rev }, result: kv };
    }
    this.stmts.remove.run(op.key);
    return { event: { type: 'delete', kv: { ...prev, modRevision: rev }, prevKv: prev, revision: rev }, result: prev };
  }

  watch(prefix: string, fromRevision: number, handler: WatchHandler): Watch {
    return this.hub.watch(prefix, fromRevision, handler);
  }

  async compact(revision: number): Promise<void> {
    this.hub.compact(Math.min(revision, this.revision));
  }

  async close(): Promise<void> {
    // Writes already accepted are committed (and answered) before the database closes.
    if (this.pending.length) this.flush();
    this.hub.close();
    await this.checkpointer.close();
    this.db.close();
  }
}
