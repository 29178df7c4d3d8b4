// Watch fan-out and the recent-history window that lets a watcher start from an older
// revision. Shared by the local backends (memory, sqlite); etcd has its own watch.
import {
  RevisionCompactedError,
  type StoreEvent,
  type Watch,
  type WatchHandler,
} from './types';
import { appendBounded } from './bounded-history';

interface Watcher {
  prefix: string;
  handler: WatchHandler;
}

/**
 * Events kept for watchers that start behind the current revision. The API server's watch
 * caches hold the history clients watch from and start their store watch at the revision
 * they listed, so this window only bridges that hand-over: every event it keeps retains an
 * object's old text.
 */
const DEFAULT_HISTORY = 1_000;

export class WatchHub {
  private readonly history: StoreEvent[] = [];
  private readonly watchers = new Set<Watcher>();
  /** Events at or below this revision are no longer in history. */
  private compacted: number;

  constructor(
    startRevision: number,
    private readonly maxHistory = DEFAULT_HISTORY,
  ) {
    this.compacted = startRevision;
  }

  compactedRevision(): number {
    return this.compacted;
  }

  publish(event: StoreEvent): void {
    const dropped = appendBounded(this.history, event, this.maxHistory);
    if (dropped.length) this.compacted = dropped[dropped.length - 1]!.revision;
    for (const w of this.watchers) {
      if (event.kv.key.startsWith(w.prefix)) w.handler([event]);
    }
  }

  compact(revision: number): void {
    if (revision <= this.compacted) return;
    let n = 0;
    while (n < this.history.length && this.history[n]!.revision <= revision) n++;
    this.history.splice(0, n);
    this.compacted = revision;
  }

  watch(prefix: string, fromRevision: number, handler: WatchHandler): Watch {
    if (fromRevision < this.compacted) throw new RevisionCompactedError(fromRevision, this.compacted);
    const backlog = this.eventsAfter(prefix, fromRevision);
    if (backlog.length > 0) handler(backlog);
    const w: Watcher = { prefix, handler };
    this.watchers.add(w);
    return { cancel: () => this.watchers.delete(w) };
  }

  private eventsAfter(prefix: string, revision: number): StoreEvent[] {
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid]!.revision <= revision) lo = mid + 1;
      else hi = mid;
    }
    const out: StoreEvent[] = [];
    for (let i = lo; i < this.history.length; i++) {
      const e = this.history[i]!;
      if (e.kv.key.startsWith(prefix)) out.push(e);
    }
    return out;
  }

  close(): void {
    this.watchers.clear();
  }
}
