// A short, bounded history of usage samples for charts: every scrape appends one column, kept
// for a fixed number of scrapes. Each series holds its values in two typed-array rings (Float32
// holds whole millicores and page-aligned bytes exactly up to 64 GiB), so thousands of
// containers cost a few hundred bytes each and nothing grows with time. Callers own their
// Series objects (no string keys on the scrape path) and drop them once live() says so.
import type { ContainerUsage } from '../runtime/types';

/** One point of a series: CPU in millicores, memory in bytes (the units of `kubectl top`, unscaled). */
export interface UsagePoint {
  /** RFC 3339 with milliseconds. */
  timestamp: string;
  cpu: number;
  memory: number;
}

export interface Series {
  readonly cpu: Float32Array;
  readonly memory: Float32Array;
  /** Scrape numbers of the first and last values written. */
  readonly first: number;
  last: number;
}

export class UsageHistory {
  private readonly times: Float64Array;
  /** Scrapes taken so far; the current one has number count - 1. */
  private count = 0;

  /** capacity: scrapes kept (the window is capacity × the scrape interval). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`history capacity must be a whole number of at least 1, got ${capacity}`);
    this.times = new Float64Array(capacity);
  }

  /** Starts a scrape at `at`; then add() each series' value; series left out have a gap there. */
  begin(at: Date): void {
    this.times[this.count % this.capacity] = at.getTime();
    this.count++;
  }

  /** A new, empty series that starts at the current scrape. */
  series(): Series {
    const now = this.count - 1;
    return { cpu: new Float32Array(this.capacity), memory: new Float32Array(this.capacity), first: now, last: now - 1 };
  }

  add(s: Series, usage: ContainerUsage): void {
    const now = this.count - 1;
    if (now < 0) throw new Error('UsageHistory.add before begin');
    if (s.last === now) throw new Error('usage added twice to one series in one scrape');
    // Scrapes this series missed (a container restarting) are gaps, not old values.
    for (let i = Math.max(s.last + 1, now - this.capacity + 1); i < now; i++) {
      s.cpu[i % this.capacity] = NaN;
      s.memory[i % this.capacity] = NaN;
    }
    s.cpu[now % this.capacity] = usage.cpuMillicores;
    s.memory[now % this.capacity] = usage.memoryBytes;
    s.last = now;
  }

  /** Whether s still has a value inside the window (once not, it can be dropped). */
  live(s: Series): boolean {
    return s.last > this.count - 1 - this.capacity;
  }

  /** Sum of the given series at each scrape in the window where any of them has a value, oldest first. */
  points(series: Series[]): UsagePoint[] {
    if (series.length === 0) return [];
    const from = Math.max(this.count - this.capacity, Math.min(...series.map((s) => s.first)));
    const to = Math.max(...series.map((s) => s.last));
    const out: UsagePoint[] = [];
    for (let i = from; i <= to; i++) {
      const slot = i % this.capacity;
      let cpu = 0;
      let memory = 0;
      let any = false;
      for (const s of series) {
        if (i < s.first || i > s.last || Number.isNaN(s.cpu[slot])) continue;
        cpu += s.cpu[slot]!;
        memory += s.memory[slot]!;
        any = true;
      }
      if (any) out.push({ timestamp: new Date(this.times[slot]!).toISOString(), cpu, memory });
    }
    return out;
  }
}
