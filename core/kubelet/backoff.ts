// Per-container restart backoff, as client-go's flowcontrol.Backoff: each restart doubles the
// wait from initial up to max; an entry untouched for twice max starts over.
import type { Clock } from '../client/clock';

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly clock: Clock,
  ) {}

  private expired(entry: Entry, at: number): boolean {
    return at - entry.lastUpdate > 2 * this.maxMs;
  }

  /** Records a restart at eventTime and lengthens the next wait. */
  next(key: string, eventTime: Date): void {
    const at = eventTime.getTime();
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry, at)) this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: at });
    else this.entries.set(key, { backoffMs: Math.min(entry.backoffMs * 2, this.maxMs), lastUpdate: at });
  }

  /** Milliseconds still to wait after something that happened at eventTime; 0 when not backing off. */
  remaining(key: string, eventTime: Date): number {
    const entry = this.entries.get(key);
    const now = this.clock.now().getTime();
    if (!entry || this.expired(entry, now)) return 0;
    return Math.max(0, eventTime.getTime() + entry.backoffMs - now);
  }

  current(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  forget(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
