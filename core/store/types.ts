// The revisioned key-value store contract (etcd semantics). Every backend (memory, sqlite,
// etcd) implements Store; the API server depends on nothing else.

export interface KeyValue {
  key: string;
  /** Serialised object (JSON text). */
  value: string;
  /** Revision at which this key was created (reset when a deleted key is created again). */
  createRevision: number;
  /** Revision of the last write to this key. */
  modRevision: number;
}

export type WatchEventType = 'put' | 'delete';

export interface StoreEvent {
  type: WatchEventType;
  /** For 'put' the new value; for 'delete' the last value, with modRevision set to the delete's revision. */
  kv: KeyValue;
  /** The value before this event, absent for a create. */
  prevKv?: KeyValue;
  revision: number;
}

export interface RangeOptions {
  /** Return at most this many items (0 or absent: all). */
  limit?: number;
  /** Only keys strictly greater than this one (pagination). */
  startAfter?: string;
}

export interface RangeResult {
  items: KeyValue[];
  /** The store revision the range was read at. */
  revision: number;
  /** True when limit cut the result short. */
  more: boolean;
}

export type WatchHandler = (events: StoreEvent[]) => void;

export interface Watch {
  cancel(): void;
}

export interface Store {
  /** The latest committed revision. */
  currentRevision(): number;
  /** The oldest revision still watchable; older ones answer "too old". */
  compactedRevision(): number;
  get(key: string): Promise<KeyValue | undefined>;
  range(prefix: string, opts?: RangeOptions): Promise<RangeResult>;
  /** Creates key; rejects with KeyExistsError when it is present. */
  create(key: string, value: string): Promise<KeyValue>;
  /**
   * Replaces key's value when its modRevision equals expectedModRevision (compare-and-swap);
   * rejects with ConflictError otherwise and with KeyNotFoundError when absent.
   */
  update(key: string, value: string, expectedModRevision: number): Promise<KeyValue>;
  /** Deletes key, optionally only at expectedModRevision; resolves to the deleted value. */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;
  /**
   * Delivers every event under prefix with revision > fromRevision, in order, then live ones.
   * Throws RevisionCompactedError when fromRevision is older than the compacted revision.
   */
  watch(prefix: string, fromRevision: number, handler: WatchHandler): Watch;
  /** Forgets history up to and including revision. */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}

export class KeyExistsError extends Error {
  constructor(readonly key: string) {
    super(`key exists: ${key}`);
  }
}

export class KeyNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`key not found: ${key}`);
  }
}

export class ConflictError extends Error {
  constructor(
    readonly key: string,
    readonly actual: KeyValue,
  ) {
    super(`revision mismatch on ${key}`);
  }
}

export class RevisionCompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compacted: number,
  ) {
    super(`required revision ${requested} has been compacted (oldest available ${compacted + 1})`);
  }
}
