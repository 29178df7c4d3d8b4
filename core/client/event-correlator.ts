// What client-go's EventCorrelator decides before an Event reaches the API server, so the
// cluster's events read as a real one's (`kubectl describe rs` after scaling to 1,000 shows
// nine "Created pod" events and one "(combined from similar events)" event, not 1,000):
// - aggregation: the tenth distinct message for one source, object, type and reason within
//   ten minutes turns into a single combined event, counted from then on;
// - counting: an event seen before (same message) updates the earlier Event's count;
// - spam filter: a source may write 25 events about one object, then one every 5 minutes.
import type { ObjectReference } from 'kubernetes-types/core/v1';

const CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_PER_MS = 1 / 300_000;
const COMBINED = '(combined from similar events): ';

export interface EventDraft {
  component: string;
  host: string;
  ref: ObjectReference;
  type: string;
  reason: string;
  message: string;
}

/**
 * One Event on the server, shared by every occurrence counted on it: its name once written,
 * and the write in flight, so occurrences of one Event are written in order.
 */
export interface EventSlot {
  name?: string;
  pending?: Promise<void>;
}

/** The Event to write: a new one, or (slot.name set by then) a new count on the earlier one. */
export interface Correlated {
  message: string;
  count: number;
  /** When the first occurrence was recorded. */
  first: Date;
  slot: EventSlot;
}

interface Observation {
  count: number;
  first: Date;
  slot: EventSlot;
}

/**
 * The least recently used entries go first once there are more than max. A Map keeps
 * insertion order, so re-inserting on use is all it takes. (lru-cache preallocates its
 * capacity: 3 caches for each of the cluster's ~20 recorders cost 40 ms of every start.)
 */
class LruMap<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

export class EventCorrelator {
  private readonly aggregates = new LruMap<{ messages: Set<string>; last: number }>(CACHE_ENTRIES);
  private readonly observed = new LruMap<Observation>(CACHE_ENTRIES);
  private readonly buckets = new LruMap<{ tokens: number; at: number }>(CACHE_ENTRIES);

  /** What to write for this occurrence, or undefined when the spam filter drops it. */
  correlate(e: EventDraft, now: Date): Correlated | undefined {
    const object = [e.component, e.host, e.ref.kind, e.ref.namespace, e.ref.name, e.ref.uid, e.ref.apiVersion].join('\u0000');
    const similar = [object, e.type, e.reason].join('\u0000');
    let key = [object, e.ref.fieldPath ?? '', e.type, e.reason, e.message].join('\u0000');
    let message = e.message;

    let aggregate = this.aggregates.get(similar);
    if (!aggregate || now.getTime() - aggregate.last > AGGREGATE_INTERVAL_MS) aggregate = { messages: new Set(), last: 0 };
    aggregate.messages.add(e.message);
    aggregate.last = now.getTime();
    this.aggregates.set(similar, aggregate);
    if (aggregate.messages.size >= AGGREGATE_MAX_EVENTS) {
      // The set stays at its size: one message makes room for the next.
      aggregate.messages.delete(aggregate.messages.values().next().value as string);
      key = similar;
      message = COMBINED + e.message;
    }

    // Counted before filtering, as client-go does: a later Event's count includes dropped ones.
    const last = this.observed.get(key);
    const seen: Observation = last ? { count: last.count + 1, first: last.first, slot: last.slot } : { count: 1, first: now, slot: {} };
    this.observed.set(key, seen);

    if (!this.take(object, now.getTime())) return undefined;
    return { message, count: seen.count, first: seen.first, slot: seen.slot };
  }

  /** Takes a token from the source-and-object bucket (full at first, refilled over time). */
  private take(object: string, at: number): boolean {
    const bucket = this.buckets.get(object) ?? { tokens: SPAM_BURST, at };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (at - bucket.at) * SPAM_REFILL_PER_MS);
    bucket.at = at;
    const ok = bucket.tokens >= 1;
    if (ok) bucket.tokens -= 1;
    this.buckets.set(object, bucket);
    return ok;
  }
}
