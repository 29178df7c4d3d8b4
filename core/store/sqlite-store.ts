// Default backend: one SQLite file in WAL mode. Every write is committed before its promise
// resolves (writes arriving together share one transaction), so an acknowledged write survives kill -9 of the process
// (WAL with synchronous=NORMAL loses nothing on a process crash; FULL also survives power loss).
// Which row holds each key is kept in memory (loaded on open): an index on key in the file made
// every write to a scattered key dirty one more page, and cost a commit about half its time.
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
import { ensurePrivateFile } from '../machinery/private-files';
import { openSchema } from './sqlite-schema';
import { rangeOfSorted } from './sorted-range';
import { WalCheckpointer } from './wal-checkpointer';
import { WatchHub } from './watch-hub';

/** Where a key's row is, and its revisions. */
interface Entry {
  id: number;
  createRevision: number;
  modRevision: number;
}

/** A batch's changes to the key map, applied only once its transaction has committed (null: deleted). */
type Overlay = Map<string, Entry | null>;

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
  private readonly keys = new Map<string, Entry>();

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    // Made owner-only before SQLite opens it: SQLite gives the -wal and -shm files its mode.
    ensurePrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Checkpoints (copying the WAL into the database) run in a worker (wal-checkpointer.ts):
    // SQLite's automatic ones would stall whichever write crossed the limit.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer(file);
    openSchema(this.db);
    this.stmts = {
      keys: this.db.prepare<[], { id: number; key: string; create_rev: number; mod_rev: number }>('SELECT id, key, create_rev, mod_rev FROM kv ORDER BY id'),
      value: this.db.prepare<[number], string>('SELECT value FROM kv WHERE id = ?').pluck(),
      insert: this.db.prepare('INSERT INTO kv (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE kv SET value = ?, mod_rev = ? WHERE id = ?'),
      remove: this.db.prepare('DELETE FROM kv WHERE id = ?'),
      setRev: this.db.prepare("UPDATE meta SET value = ? WHERE name = 'revision'"),
      getRev: this.db.prepare<[], { value: number }>("SELECT value FROM meta WHERE name = 'revision'"),
    };
    for (const r of this.stmts.keys.iterate()) this.keys.set(r.key, { id: r.id, createRevision: r.create_rev, modRevision: r.mod_rev });
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
    const e = this.keys.get(key);
    return e && this.read(key, e);
  }

  async range(prefix: string, opts: RangeOptions = {}): Promise<RangeResult> {
    const matching: string[] = [];
    for (const k of this.keys.keys()) if (k.startsWith(prefix)) matching.push(k);
    const { keys: page, more } = rangeOfSorted(matching.sort(), opts);
    return { items: page.map((k) => this.read(k, this.keys.get(k)!)), revision: this.revision, more };
  }

  private read(key: string, e: Entry): KeyValue {
    return { key, value: this.stmts.value.get(e.id)!, createRevision: e.createRevision, modRevision: e.modRevision };
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
    const overlay: Overlay = new Map();
    let revision = this.revision;
    try {
      this.commitBatch.immediate(() => {
        for (const op of batch) {
          const outcome = this.apply(op, revision + 1, overlay);
          if (outcome.event) revision = outcome.event.revision;
          results.push(outcome);
        }
        if (revision !== this.revision) this.stmts.setRev.run(revision);
      });
    } catch (e) {
      for (const op of batch) op.reject(e as Error);
      return;
    }
    for (const [key, e] of overlay) {
      if (e) this.keys.set(key, e);
      else this.keys.delete(key);
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

  /**
   * One write inside the batch transaction; a failed precondition fails only this write. Keys
   * are looked up through the batch's overlay, so each write sees the ones before it.
   */
  private apply(op: PendingWrite, rev: number, overlay: Overlay): { event?: StoreEvent; result?: KeyValue; error?: Error } {
    const found = overlay.has(op.key) ? overlay.get(op.key) : this.keys.get(op.key);
    if (op.kind === 'create') {
      if (found) return { error: new KeyExistsError(op.key) };
      const id = Number(this.stmts.insert.run(op.key, op.value, rev, rev).lastInsertRowid);
      overlay.set(op.key, { id, createRevision: rev, modRevision: rev });
      const kv: KeyValue = { key: op.key, value: op.value!, createRevision: rev, modRevision: rev };
      return { event: { type: 'put', kv, revision: rev }, result: kv };
    }
    if (!found) return { error: new KeyNotFoundError(op.key) };
    const prev = this.read(op.key, found);
    if (op.expected !== undefined && prev.modRevision !== op.expected) return { error: new ConflictError(op.key, prev) };
    if (op.kind === 'update') {
      this.stmts.update.run(op.value, rev, found.id);
      overlay.set(op.key, { ...found, modRevision: rev });
      const kv: KeyValue = { key: op.key, value: op.value!, createRevision: prev.createRevision, modRevision: rev };
      return { event: { type: 'put', kv, prevKv: prev, revision: rev }, result: kv };
    }
    this.stmts.remove.run(found.id);
    overlay.set(op.key, null);
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
