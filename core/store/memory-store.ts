// In-memory backend: the same semantics as sqlite without durability. For tests and for
// throwaway clusters.
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  type KeyValue,
  type RangeOptions,
  type RangeResult,
  type Store,
  type WatchHandler,
  type Watch,
} from './types';
import { WatchHub } from './watch-hub';
import { rangeOfSorted } from './sorted-range';

export class MemoryStore implements Store {
  private readonly data = new Map<string, KeyValue>();
  private revision = 0;
  private readonly hub = new WatchHub(0);

  currentRevision(): number {
    return this.revision;
  }

  compactedRevision(): number {
    return this.hub.compactedRevision();
  }

  async get(key: string): Promise<KeyValue | undefined> {
    return this.data.get(key);
  }

  async range(prefix: string, opts: RangeOptions = {}): Promise<RangeResult> {
    const keys = [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
    const { keys: page, more } = rangeOfSorted(keys, opts);
    return { items: page.map((k) => this.data.get(k)!), revision: this.revision, more };
  }

  async create(key: string, value: string): Promise<KeyValue> {
    if (this.data.has(key)) throw new KeyExistsError(key);
    const rev = ++this.revision;
    const kv: KeyValue = { key, value, createRevision: rev, modRevision: rev };
    this.data.set(key, kv);
    this.hub.publish({ type: 'put', kv, revision: rev });
    return kv;
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    const prev = this.data.get(key);
    if (!prev) throw new KeyNotFoundError(key);
    if (prev.modRevision !== expectedModRevision) throw new ConflictError(key, prev);
    const rev = ++this.revision;
    const kv: KeyValue = { key, value, createRevision: prev.createRevision, modRevision: rev };
    this.data.set(key, kv);
    this.hub.publish({ type: 'put', kv, prevKv: prev, revision: rev });
    return kv;
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    const prev = this.data.get(key);
    if (!prev) throw new KeyNotFoundError(key);
    if (expectedModRevision !== undefined && prev.modRevision !== expectedModRevision) {
      throw new ConflictError(key, prev);
    }
    const rev = ++this.revision;
    this.data.delete(key);
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
  }
}
