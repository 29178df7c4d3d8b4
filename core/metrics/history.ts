// A short, bounded history of usage samples for charts: every scrape appends one column, kept
// for a fixed number of scrapes. Values live in typed arrays (Float32 holds whole millicores
// and page-aligned bytes exactly up to 64 GiB), so thousands of containers cost a few hundred
// bytes each, and nothing grows with time.
import type { ContainerUsage } from '../runtime/types';

/** One point of a series: CPU in millicores, memory in bytes (the units of `kubectl top`, unscaled). */
export interface UsagePoint {
  /** RFC 3339 with milliseconds. */
  timestamp: string;
  cpu: number;
  memory: number;
}

class Series {
  readonly cpu: Float32Array;
  readonly memory: Float32Array;
  /** Scrape numbers of the first and last values written. */
  first: number;
  last: number;

  constructor(capacity: number, at: number) {
    this.cpu = new Float32Array(capacity);
    this.memory = new Float32Array(capacity);
    this.first = at;
    this.last = at - 1;
  }
}

export class UsageHistory {
  private readonly times: Float64Array;
  private readonly series = new Map<string, Series>();
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
    // Series with no value left in the window are forgotten.
    const oldest = this.count - this.capacity;
    for (const [key, s] of this.series) if (s.last < oldest) this.series.delete(key);
  }

  add(key: string, usage: ContainerUsage): void {
    const now = this.count - 1;
    if (now < 0) throw new Error('UsageHistory.add before begin');
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = new Series(this.capacity, now)));
    if (s.last === now) throw new Error(`usage of ${key} added twice in one scrape`);
    // Scrapes this series missed (a container restarting) are gaps, not old values.
    for (let i = Math.max(s.last + 1, now - this.capacity + 1); i < now; i++) {
      s.cpu[i % this.capacity] = NaN;
      s.memory[i % this.capacity] = NaN;
    }
    s.cpu[now % this.capacity] = usage.cpuMillicores;
    s.memory[now % this.capacity] = usage.memoryBytes;
    s.last = now;
  }

  /** Sum of the given series at each scrape in the window where any of them has a value, oldest first. */
  points(keys: string[]): UsagePoint[] {
    const found = keys.map((k) => this.series.get(k)).filter((s): s is Series => s !== undefined);
    if (found.length === 0) return [];
    const from = Math.max(this.count - this.capacity, Math.min(...found.map((s) => s.first)));
    const to = Math.max(...found.map((s) => s.last));
    const out: UsagePoint[] = [];
    for (let i = from; i <= to; i++) {
      const slot = i % this.capacity;
      let cpu = 0;
      let memory = 0;
      let any = false;
      for (const s of found) {
        if (i < s.first || i > s.last || Number.isNaN(s.cpu[slot])) continue;
        cpu += s.cpu[slot]!;
        memory += s.memory[slot]!;
        any = true;
      }
      if (any) out.push({ timestamp: new Date(this.times[slot]!).toISOString(), cpu, memory });
    }
    return out;
  }

  has(key: string): boolean {
    return this.series.has(key);
  }

  /** Series held now (for tests of the bound). */
  get size(): number {
    return this.series.size;
  }
}
