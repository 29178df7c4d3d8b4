// A deduplicating work queue, like client-go's: a key added while queued is queued once, a key
// added while being processed is processed again afterwards, failures retry with exponential
// backoff (5 ms doubling up to 30 s). Delayed adds (requeues, backoffs) wait on the controller
// clock, so a ManualClock drives them in tests; a key has one pending wake-up, the earliest.
import type { Clock } from './clock';

export type SyncFn = (key: string) => Promise<void>;

export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirtyWhileProcessing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Map<string, { at: number; cancel: () => void }>();
  private running = 0;
  private stopped = false;
  private pumpScheduled = false;

  /**
   * With coalesce, work starts on the next turn of the event loop instead of at once, so the
   * burst of events one write cascade delivers costs one sync per key, not one per event (for
   * controllers whose sync is expensive, e.g. O(pods) per ReplicaSet).
   */
  constructor(
    private readonly clock: Clock,
    private readonly sync: SyncFn,
    private readonly concurrency = 1,
    private readonly onError: (key: string, e: unknown) => void = (key, e) =>
      console.error(`wheelhouse controller: sync ${key} failed:`, e instanceof Error ? e.message : e),
    private readonly coalesce = false,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    this.queued.add(key);
    if (!this.coalesce) return this.pump();
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /**
   * Adds key after ms of clock time (a grace period ends, a backoff passes); at once when ms <= 0.
   * A wake-up already pending for key stays if it is no later.
   */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now().getTime() + ms;
    const current = this.waiting.get(key);
    if (current && current.at <= at) return;
    current?.cancel();
    const cancel = this.clock.after(ms, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { at, cancel });
  }

  get length(): number {
    return this.queued.size;
  }

  stop(): void {
    this.stopped = true;
    this.queued.clear();
    for (const w of this.waiting.values()) w.cancel();
    this.waiting.clear();
  }

  private pump(): void {
    while (!this.stopped && this.running < this.concurrency && this.queued.size > 0) {
      const key = this.queued.values().next().value as string;
      this.queued.delete(key);
      this.processing.add(key);
      this.running++;
      void this.run(key);
    }
  }

  private async run(key: string): Promise<void> {
    try {
      await this.sync(key);
      this.failures.delete(key);
    } catch (e) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.onError(key, e);
      this.addAfter(key, Math.min(30_000, 5 * 2 ** (n - 1)));
    } finally {
      this.processing.delete(key);
      this.running--;
      if (this.dirtyWhileProcessing.delete(key)) this.queued.add(key);
      this.pump();
    }
  }
}
