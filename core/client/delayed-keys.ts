// Wakes work-queue keys at times on the controller clock (deadlines, backoffs, schedules), so
// a ManualClock drives them in tests. One pending wake-up per key: the earliest asked for wins.
import type { Clock } from './clock';

export class DelayedKeys {
  private readonly pending = new Map<string, { at: number; cancel: () => void }>();

  constructor(
    private readonly clock: Clock,
    private readonly wake: (key: string) => void,
  ) {}

  /** Wakes key after ms of clock time; at once when ms <= 0. */
  after(key: string, ms: number): void {
    if (ms <= 0) {
      this.wake(key);
      return;
    }
    const at = this.clock.now().getTime() + ms;
    const current = this.pending.get(key);
    if (current && current.at <= at) return;
    current?.cancel();
    const cancel = this.clock.after(ms, () => {
      this.pending.delete(key);
      this.wake(key);
    });
    this.pending.set(key, { at, cancel });
  }

  stop(): void {
    for (const p of this.pending.values()) p.cancel();
    this.pending.clear();
  }
}
