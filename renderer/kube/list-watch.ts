// An informer for the renderer: list in pages, watch from the list's resourceVersion, keep one
// cache and apply the deltas to it in batches, one per frame, so a stream of hundreds of events
// a second costs one update of the views per frame, not one per event. Never polls: a watch that
// expires (410) or breaks leads to one new list, then a new watch.
export interface ListPage<T> {
  items: T[];
  resourceVersion: string;
  continue?: string;
}

export type WatchDelta<T> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; item: T }
  | { type: 'BOOKMARK'; resourceVersion?: string }
  | { type: 'ERROR'; code?: number; message: string };

export interface WatchCallbacks<T> {
  delta(delta: WatchDelta<T>): void;
  /** The stream ended for good (not a resumable server timeout). */
  closed(reason: string): void;
}

export interface ListWatchSource<T> {
  /** One page of the list; `cont` is the previous page's continue token. Errors carry `code`. */
  listPage(cont: string | undefined): Promise<ListPage<T>>;
  /** Starts a watch; returns the function that stops it. */
  watch(resourceVersion: string, callbacks: WatchCallbacks<T>): () => void;
  /** The resourceVersion of an item, to follow progress between bookmarks. */
  resourceVersionOf(item: T): string | undefined;
}

export type ListWatchState = 'idle' | 'listing' | 'watching' | 'error';

/** What one batch changed: by key, the new item or null for a deletion. After a re-list
 *  (`reset`), the whole cache was replaced and `changed` is empty. */
export interface ListWatchChange<T> {
  reset: boolean;
  changed: ReadonlyMap<string, T | null>;
}

export interface ListWatchOptions {
  /** Schedules a retry after a failure; returns a cancel function. Default: setTimeout backoff. */
  retry?: (attempt: number, run: () => void) => () => void;
  /** Schedules the next batch; returns a cancel function. Default: the next animation frame. */
  frame?: (run: () => void) => () => void;
}

export class ListWatch<T> {
  /** The cache, by key. Mutated in place, one batch at a time; onChange says when and what. */
  readonly items = new Map<string, T>();
  state: ListWatchState = 'idle';
  error: string | undefined;
  resourceVersion = '';
  /** How many full lists have been made; a re-list after 410 shows up here. */
  lists = 0;

  private epoch = 0;
  private attempt = 0;
  private stopWatch?: () => void;
  private cancelRetry?: () => void;
  private readonly retry: NonNullable<ListWatchOptions['retry']>;
  private readonly frame: NonNullable<ListWatchOptions['frame']>;
  /** Deltas received since the last batch, by key (the last one wins); null: deleted. */
  private pending = new Map<string, T | null>();
  private pendingReset = false;
  private cancelFrame?: () => void;

  constructor(
    private readonly source: ListWatchSource<T>,
    private readonly key: (item: T) => string,
    private readonly onChange: (change: ListWatchChange<T>) => void,
    opts: ListWatchOptions = {},
  ) {
    this.retry = opts.retry ?? backoff;
    this.frame = opts.frame ?? nextFrame;
  }

  start(): void {
    this.stop();
    void this.relist(this.epoch);
  }

  stop(): void {
    this.epoch++;
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.pending.clear();
    this.pendingReset = false;
    this.state = 'idle';
  }

  /** Applies the deltas received since the last batch and reports them; the frame callback,
   *  and callable directly (tests, or a view that must be current now). */
  flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    const changed = this.pending;
    const reset = this.pendingReset;
    this.pending = new Map();
    this.pendingReset = false;
    for (const [k, item] of changed) {
      if (item === null) this.items.delete(k);
      else this.items.set(k, item);
    }
    this.onChange({ reset, changed: reset ? new Map() : changed });
  }

  /** Lists again if `from` is still the current epoch; each list opens a new one, so the
   *  callbacks of every earlier list and watch go quiet. */
  private async relist(from: number): Promise<void> {
    if (from !== this.epoch) return;
    const epoch = ++this.epoch;
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.setState('listing');
    // Into an empty cache, each page is shown as it arrives: a 50,000-row list has rows on
    // screen after its first page. A re-list keeps the old rows until the new list is whole.
    const progressive = this.items.size === 0 && this.pending.size === 0;
    const fresh = new Map<string, T>();
    let page: ListPage<T> | undefined;
    try {
      let cont: string | undefined;
      do {
        page = await this.source.listPage(cont);
        if (epoch !== this.epoch) return;
        for (const item of page.items) {
          if (progressive) this.pending.set(this.key(item), item);
          else fresh.set(this.key(item), item);
        }
        if (progressive) this.schedule();
        cont = page.continue || undefined;
      } while (cont);
    } catch (err) {
      if (epoch !== this.epoch) return;
      // An expired continue token is a 410 too: start over from the first page at once.
      if (codeOf(err) === 410) return this.relist(epoch);
      return this.fail(epoch, errorMessage(err));
    }
    if (!progressive) {
      // Swap the cache in one step, so a re-list never shows an empty table in between;
      // deltas of the previous watch not yet applied are older than this list.
      this.items.clear();
      for (const [k, v] of fresh) this.items.set(k, v);
      this.pending.clear();
      this.pendingReset = true;
    }
    this.resourceVersion = page.resourceVersion;
    this.lists++;
    this.error = undefined;
    this.attempt = 0;
    this.setState('watching');
    this.stopWatch = this.source.watch(page.resourceVersion, {
      delta: (delta) => {
        if (epoch === this.epoch) this.apply(epoch, delta);
      },
      closed: (reason) => {
        if (epoch === this.epoch) this.fail(epoch, reason);
      },
    });
  }

  private apply(epoch: number, delta: WatchDelta<T>): void {
    switch (delta.type) {
      case 'ADDED':
      case 'MODIFIED':
      case 'DELETED':
        this.pending.set(this.key(delta.item), delta.type === 'DELETED' ? null : delta.item);
        this.resourceVersion = this.source.resourceVersionOf(delta.item) ?? this.resourceVersion;
        this.schedule();
        return;
      case 'BOOKMARK':
        this.resourceVersion = delta.resourceVersion ?? this.resourceVersion;
        return;
      case 'ERROR':
        // 410 Expired: our resourceVersion is too old; list again right away.
        if (delta.code === 410) {
          void this.relist(epoch);
          return;
        }
        this.fail(epoch, delta.message);
    }
  }

  private fail(epoch: number, message: string): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.error = message;
    this.setState('error');
    this.cancelRetry = this.retry(this.attempt++, () => void this.relist(epoch));
  }

  private setState(state: ListWatchState): void {
    this.state = state;
    this.schedule();
  }

  private schedule(): void {
    this.cancelFrame ??= this.frame(() => {
      this.cancelFrame = undefined;
      this.flush();
    });
  }
}

/** The next animation frame where there is one (a page), else the next macrotask. */
function nextFrame(run: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

/** 1 s, 2 s, 4 s ... up to 30 s between attempts after failures. */
function backoff(attempt: number, run: () => void): () => void {
  const timer = setTimeout(run, Math.min(30_000, 1000 * 2 ** attempt));
  return () => clearTimeout(timer);
}

export function codeOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
