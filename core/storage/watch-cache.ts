// The API server's watch cache: one per resource, fed by a store watch. Lists, gets for
// lists and watches are served from memory; only writes reach the store. The store notifies
// synchronously inside each write, so the cache is never behind a write that has returned.
import BTreeExport from 'sorted-btree';
import { appendBounded } from '../store/bounded-history';
import type { Store, StoreEvent } from '../store/types';
import type { KubeObject } from '../machinery/object';
import { decodeStored } from './stored-object';

export interface CachedObject {
  key: string;
  /** The object with metadata.resourceVersion set. Shared: never mutate it. */
  object: KubeObject;
  /** JSON text of object, reused for list responses. */
  json: string;
  revision: number;
  /** PartialObjectMetadata JSON of object, made when a Table list first needs it. */
  partialJson?: string;
}

export type CacheEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CacheEvent {
  type: CacheEventType;
  /** For DELETED, the last state with the delete's resourceVersion. */
  current: CachedObject;
  previous?: CachedObject;
  revision: number;
}

export type CacheListener = (event: CacheEvent) => void;

/** Parses a stored value and stamps the revision it was read at. */
export function decode(key: string, value: string, revision: number): CachedObject {
  return { key, ...decodeStored(value, revision), revision };
}

// sorted-btree is CommonJS with its class on exports.default: bundlers hand over the class,
// Node's ESM loader the exports object.
const BTree = (BTreeExport as unknown as { default?: typeof BTreeExport }).default ?? BTreeExport;
type KeyOrder = InstanceType<typeof BTree<string, undefined>>;
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class WatchCache {
  private readonly items = new Map<string, CachedObject>();
  /**
   * The keys in order, made when a list first needs them. A B+ tree: inserting into a sorted
   * array moves half of it, a cost that grows with the cache (3% of a create at 20,000 objects).
   */
  private order: KeyOrder | null = null;
  private readonly history: CacheEvent[] = [];
  private readonly listeners = new Set<CacheListener>();
  /** Revision the cache was filled at; history covers everything after it. */
  private startRevision = 0;
  private revision = 0;
  private cancel: (() => void) | null = null;
  /** True once history has dropped events: watches from before it are too old. */
  private trimmed = false;

  constructor(
    private readonly store: Store,
    readonly prefix: string,
    private readonly historyLimit = 10_000,
  ) {}

  async start(): Promise<void> {
    const { items, revision } = await this.store.range(this.prefix);
    for (const kv of items) this.items.set(kv.key, decode(kv.key, kv.value, kv.modRevision));
    this.startRevision = revision;
    this.revision = revision;
    const w = this.store.watch(this.prefix, revision, (events) => events.forEach((e) => this.ingest(e)));
    this.cancel = () => w.cancel();
  }

  stop(): void {
    this.cancel?.();
    this.listeners.clear();
  }

  /** The store revision this cache reflects (the store's, not only this resource's). */
  currentRevision(): number {
    return Math.max(this.revision, this.store.currentRevision());
  }

  /** Oldest revision a watch may start from. */
  oldestWatchableRevision(): number {
    return this.trimmed ? this.history[0]!.revision - 1 : this.startRevision;
  }

  get(key: string): CachedObject | undefined {
    return this.items.get(key);
  }

  get size(): number {
    return this.items.size;
  }

  /** Objects under keyPrefix in key order, after startAfter. */
  list(keyPrefix: string, startAfter?: string): CachedObject[] {
    // Admission lists quotas and limit ranges for every write; most clusters have none.
    if (this.items.size === 0) return [];
    const from = startAfter !== undefined && startAfter >= keyPrefix ? startAfter + '\0' : keyPrefix;
    const out: CachedObject[] = [];
    for (const k of this.keys().keys(from)) {
      if (!k.startsWith(keyPrefix)) break;
      out.push(this.items.get(k)!);
    }
    return out;
  }

  /**
   * Objects under keyPrefix after startAfter as they were at revision, for a list continued
   * from a page taken then: the current ones with every later change undone from history.
   * Undefined when history no longer reaches back to revision.
   */
  listAt(keyPrefix: string, startAfter: string | undefined, revision: number): CachedObject[] | undefined {
    if (revision < this.oldestWatchableRevision()) return undefined;
    const inRange = (key: string) => key.startsWith(keyPrefix) && (startAfter === undefined || key > startAfter);
    // Walking back from the newest event, each key is left with its state before its oldest
    // change after revision (null: it did not exist yet).
    const then = new Map<string, CachedObject | null>();
    for (let i = this.history.length - 1; i >= 0 && this.history[i]!.revision > revision; i--) {
      const e = this.history[i]!;
      if (inRange(e.current.key)) then.set(e.current.key, e.type === 'ADDED' ? null : (e.previous ?? null));
    }
    const now = this.list(keyPrefix, startAfter);
    if (then.size === 0) return now;
    const out = now.filter((c) => !then.has(c.key));
    for (const c of then.values()) if (c) out.push(c);
    return out.sort((a, b) => byCodeUnits(a.key, b.key));
  }

  /**
   * Events after revision, then every later one, until the returned function is called.
   * Returns undefined when revision is older than the history kept (the caller answers 410).
   */
  watch(revision: number, listener: CacheListener): (() => void) | undefined {
    if (revision < this.oldestWatchableRevision()) return undefined;
    for (const e of this.history) if (e.revision > revision) listener(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keys(): KeyOrder {
    if (!this.order) {
      this.order = new BTree<string, undefined>(undefined, byCodeUnits);
      for (const k of this.items.keys()) this.order.set(k, undefined);
    }
    return this.order;
  }

  private ingest(e: StoreEvent): void {
    const previous = this.items.get(e.kv.key);
    let event: CacheEvent;
    if (e.type === 'delete') {
      this.items.delete(e.kv.key);
      this.order?.delete(e.kv.key);
      // The last state, stamped with the delete's revision, as the real server sends it.
      const current = decode(e.kv.key, e.kv.value, e.revision);
      event = { type: 'DELETED', current, previous, revision: e.revision };
    } else {
      const current = decode(e.kv.key, e.kv.value, e.kv.modRevision);
      if (!previous) this.order?.set(e.kv.key, undefined);
      this.items.set(e.kv.key, current);
      event = { type: previous ? 'MODIFIED' : 'ADDED', current, previous, revision: e.revision };
    }
    this.revision = e.revision;
    if (appendBounded(this.history, event, this.historyLimit).length) this.trimmed = true;
    for (const l of this.listeners) l(event);
  }
}
