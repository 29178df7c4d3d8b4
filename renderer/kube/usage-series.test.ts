import { describe, expect, it } from 'vitest';
import { KEEP_MS, parseGoDuration, TOTAL, UsageSeries } from './usage-series';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
const podMetrics = (s: number, cpu: string, memory: string) => ({ timestamp: at(s), window: '1s', containers: [{ name: 'web', usage: { cpu, memory } }] });

describe('parseGoDuration', () => {
  it.each([
    ['15s', 15_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['250ms', 250],
    ['1h0m0s', 3_600_000],
  ])('%s', (text, ms) => expect(parseGoDuration(text)).toBe(ms));
  it('rejects anything else', () => expect(() => parseGoDuration('15')).toThrow('not a duration: "15"'));
});

describe('UsageSeries', () => {
  it('appends a sample only when the timestamp moves', () => {
    const u = new UsageSeries();
    expect(u.add(podMetrics(1, '750m', '300Mi'))).toBe(true);
    expect(u.add(podMetrics(1, '750m', '300Mi'))).toBe(false);
    expect(u.add(podMetrics(2, '500000000n', '1Gi'))).toBe(true);
    expect(u.windowMs).toBe(1000);
    expect(u.series.get('web')).toEqual([
      { t: Date.parse(at(1)), cpu: 0.75, memory: 300 * 2 ** 20 },
      { t: Date.parse(at(2)), cpu: 0.5, memory: 2 ** 30 },
    ]);
  });

  it('starts from the history (millicores to cores) and then skips the scrape it already holds', () => {
    const u = new UsageSeries();
    u.loadHistory({ window: '15s', points: [], containers: [{ name: 'web', points: [{ timestamp: at(0), cpu: 100, memory: 1024 }, { timestamp: at(15), cpu: 200, memory: 2048 }] }] });
    expect(u.windowMs).toBe(15_000);
    expect(u.series.get('web')!.map((p) => p.cpu)).toEqual([0.1, 0.2]);
    expect(u.add({ ...podMetrics(15, '200m', '2Ki'), window: '15s' })).toBe(false);
    expect(u.add({ ...podMetrics(30, '300m', '3Ki'), window: '15s' })).toBe(true);
    expect(u.series.get('web')).toHaveLength(3);
  });

  it('keeps a node as one series and drops points older than 15 minutes', () => {
    const u = new UsageSeries();
    u.add({ timestamp: at(0), window: '15s', usage: { cpu: '1', memory: '1Gi' } });
    u.add({ timestamp: at(KEEP_MS / 1000 + 1), window: '15s', usage: { cpu: '2', memory: '2Gi' } });
    expect(u.series.get(TOTAL)!.map((p) => p.cpu)).toEqual([2]);
  });
});
