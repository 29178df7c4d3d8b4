import { describe, expect, it } from 'vitest';
import { UsageHistory } from './history';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const u = (cpu: number, memory = cpu * 1000) => ({ cpuMillicores: cpu, memoryBytes: memory });

/** Scrapes every 15 s; values[i] per key, undefined where the series is absent. */
function fill(h: UsageHistory, scrapes: Array<Record<string, number | undefined>>) {
  scrapes.forEach((row, i) => {
    h.begin(new Date(T0 + i * 15_000));
    for (const [k, v] of Object.entries(row)) if (v !== undefined) h.add(k, u(v));
  });
}

describe('UsageHistory', () => {
  it('keeps the last capacity scrapes, oldest first', () => {
    const h = new UsageHistory(4);
    fill(h, [1, 2, 3, 4, 5, 6].map((v) => ({ a: v })));
    expect(h.points(['a'])).toEqual([3, 4, 5, 6].map((v, i) => ({ timestamp: new Date(T0 + (i + 2) * 15_000).toISOString(), cpu: v, memory: v * 1000 })));
  });

  it('stays bounded over a long run: values per series and series count', () => {
    const h = new UsageHistory(61);
    for (let i = 0; i < 10_000; i++) {
      h.begin(new Date(T0 + i * 15_000));
      h.add('node', u(i));
      h.add(`pod-${i % 7 === 0 ? i : 'steady'}`, u(i)); // short-lived pods come and go
    }
    expect(h.points(['node'])).toHaveLength(61);
    expect(h.points(['node']).at(-1)!.cpu).toBe(9999);
    // node, steady, and only the short-lived pods still inside the window.
    expect(h.size).toBe(2 + Math.ceil(61 / 7));
  });

  it('leaves gaps where a series missed scrapes instead of repeating old values', () => {
    const h = new UsageHistory(5);
    fill(h, [{ a: 1 }, { a: 2 }, {}, {}, { a: 5 }, {}, { a: 7 }]);
    expect(h.points(['a']).map((p) => p.cpu)).toEqual([5, 7]);
  });

  it('sums series per scrape over the scrapes any of them has', () => {
    const h = new UsageHistory(10);
    fill(h, [{ a: 1 }, { a: 2, b: 10 }, { b: 20 }]);
    expect(h.points(['a', 'b']).map((p) => p.cpu)).toEqual([1, 12, 20]);
    expect(h.points(['missing'])).toEqual([]);
  });

  it('forgets a series once its last value leaves the window', () => {
    const h = new UsageHistory(3);
    fill(h, [{ gone: 1 }, {}, {}, {}]);
    expect(h.has('gone')).toBe(false);
    expect(h.points(['gone'])).toEqual([]);
  });

  it('refuses a value added twice in one scrape, and a capacity below 1', () => {
    const h = new UsageHistory(2);
    h.begin(new Date(T0));
    h.add('a', u(1));
    expect(() => h.add('a', u(2))).toThrow('usage of a added twice in one scrape');
    expect(() => new UsageHistory(0)).toThrow('history capacity must be a whole number of at least 1, got 0');
  });
});
