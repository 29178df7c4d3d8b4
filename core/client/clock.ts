// Time for controllers and kubelets. Tests and demos use a controllable clock (CronJob
// schedules, grace periods, backoffs) instead of waiting for real time to pass.
import { metaTime } from '../machinery/meta-time';

export interface Clock {
  now(): Date;
  /** Runs fn after ms of this clock's time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

/** The longest delay setTimeout takes (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const realClock: Clock = {
  now: () => new Date(),
  after(ms, fn) {
    // setTimeout counts on the monotonic clock in whole milliseconds, now() reads the wall
    // clock: a timer can fire up to a millisecond before now() says ms have passed. Callers
    // compare now() with the time they waited for (the kubelet's restart backoff does, and
    // found itself still backing off with no timer left), so wait out the rest. Measured on
    // the wall clock, a clock set back delays the timer as it delays those comparisons.
    const due = Date.now() + ms;
    let t: ReturnType<typeof setTimeout>;
    const arm = (wait: number) => {
      // Longer waits (a monthly CronJob) overflow setTimeout, which then fires at once.
      t = setTimeout(() => {
        const left = due - Date.now();
        if (left > 0) arm(left);
        else fn();
      }, Math.min(wait, MAX_TIMEOUT_MS));
      t.unref?.();
    };
    arm(ms);
    return () => clearTimeout(t);
  },
};

/** A clock that moves only when told to: advance(ms) fires every timer that falls due. */
export class ManualClock implements Clock {
  private current: number;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 0;

  constructor(start = Date.parse('2026-01-01T00:00:00Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  after(ms: number, fn: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, fn, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }
}

/** Kubernetes timestamps: RFC 3339 in whole seconds. */
export const timestamp = (d: Date) => metaTime(d);
/** MicroTime: RFC 3339 with microseconds. */
export const microTimestamp = (d: Date) => d.toISOString().replace(/Z$/, '000Z');
