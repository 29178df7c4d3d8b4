import { describe, expect, it } from 'vitest';
import { UsageHistory, type Series } from './history';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const u = (cpu: number, memory = cpu * 1000) => ({ cpuMillicores: cpu, memoryBytes: memory });

/** Scrapes every 15 s; row[name] is that series' value, absent where it has none. */
function fill(h: UsageHistory, rows: Array<Record<string, number>>): Record<string, Series> {
  const series: Record<string, Series> = {};
  rows.forEach((row, i) => {
    h.begin(new Date(T0 + i * 15_000));
    for (const [k, v] of Object.entries(row)) h.add((series[k] ??= h.series()), u(v));
  });
  return series;
}

describe('UsageHistory', () => {
  it('keeps the last capacity scrapes, oldest first', () => {
    const h = new UsageHistory(4);
    const { a } = fill(h, [1, 2, 3, 4, 5, 6].map((v) => ({ a: v })));
    expect(h.points([a!])).toEqual([3, 4, 5, 6].map((v, i) => ({ timestamp: new Date(T0 + (i + 2) * 15_000).toISOString(), cpu: v, memory: v * 1000 })));
  });

  it('stays bounded over a long run', () => {
    const h = new UsageHistory(61);
    const s = h.series();
    for (let i = 0; i < 10_000; i++) {
      h.begin(new Date(T0 + i * 15_000));
      h.add(s, u(i));
    }
    expect(h.points([s])).toHaveLength(61);
    expect(h.points([s]).at(-1)!.cpu).toBe(9999);
    expect(s.cpu.length).toBe(61);
  });

  it('leaves gaps where a series missed scrapes instead of repeating old values', () => {
    const h = new UsageHistory(5);
    const { a } = fill(h, [{ a: 1 }, { a: 2 }, {}, {}, { a: 5 }, {}, { a: 7 }]);
    expect(h.points([a!]).map((p) => p.cpu)).toEqual([5, 7]);
  });

  it('sums series per scrape over the scrapes any of them has', () => {
    const h = new UsageHistory(10);
    const { a, b } = fill(h, [{ a: 1 }, { a: 2, b: 10 }, { b: 20 }]);
    expect(h.points([a!, b!]).map((p) => p.cpu)).toEqual([1, 12, 20]);
    expect(h.points([])).toEqual([]);
  });

  it('says when a series has nothing left in the window', () => {
    const h = new UsageHistory(3);
    const { gone } = fill(h, [{ gone: 1 }, {}, {}]);
    expect(h.live(gone!)).toBe(true);
    h.begin(new Date(T0 + 3 * 15_000));
    expect(h.live(gone!)).toBe(false);
    expect(h.points([gone!])).toEqual([]);
  });

  it('refuses a value added twice in one scrape, and a capacity below 1', () => {
    const h = new UsageHistory(2);
    h.begin(new Date(T0));
    const s = h.series();
    h.add(s, u(1));
    expect(() => h.add(s, u(2))).toThrow('usage added twice to one series in one scrape');
    expect(() => new UsageHistory(0)).toThrow('history capacity must be a whole number of at least 1, got 0');
  });
});
