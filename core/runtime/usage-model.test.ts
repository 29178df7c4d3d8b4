import { describe, expect, it } from 'vitest';
import { BUSY_PHASE_MS, CPU_SHARE, IDLE_CPU_MILLI, IDLE_MEMORY_BYTES, MEMORY_SHARE, NOISE_STEP_MS, modelUsage, noise, seedOf, type UsageProfile } from './usage-model';

const Mi = 1024 * 1024;
const START = new Date(Date.parse('2026-01-01T00:00:00Z'));
const at = (ms: number) => new Date(START.getTime() + ms);
const profile: UsageProfile = { seed: seedOf('default/web-1/nginx'), cpuRequestMilli: 400, memoryRequestBytes: 200 * Mi };

/** Samples every step from `from` for `span` ms. */
function samples(p: UsageProfile, from: number, span: number, step = NOISE_STEP_MS) {
  const out = [];
  for (let t = from; t < from + span; t += step) out.push(modelUsage(p, START, at(t)));
  return out;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('modelUsage', () => {
  it('is a pure function of profile and time (deterministic on a ManualClock)', () => {
    expect(modelUsage(profile, START, at(123_456))).toEqual(modelUsage({ ...profile }, START, at(123_456)));
    expect(modelUsage({ ...profile, seed: seedOf('default/web-2/nginx') }, START, at(123_456))).not.toEqual(modelUsage(profile, START, at(123_456)));
  });

  it('centres on its share of the requests over an hour after the busy phase', () => {
    const hour = samples(profile, BUSY_PHASE_MS, 3_600_000);
    expect(mean(hour.map((u) => u.cpuMillicores))).toBeGreaterThan(400 * CPU_SHARE * 0.85);
    expect(mean(hour.map((u) => u.cpuMillicores))).toBeLessThan(400 * CPU_SHARE * 1.15);
    expect(mean(hour.map((u) => u.memoryBytes))).toBeGreaterThan(200 * Mi * MEMORY_SHARE * 0.9);
    expect(mean(hour.map((u) => u.memoryBytes))).toBeLessThan(200 * Mi * MEMORY_SHARE * 1.1);
  });

  it('without requests, is a small idle process', () => {
    const idle = samples({ seed: 7 }, BUSY_PHASE_MS, 600_000);
    expect(mean(idle.map((u) => u.cpuMillicores))).toBeCloseTo(IDLE_CPU_MILLI, 0);
    expect(Math.max(...idle.map((u) => u.memoryBytes))).toBeLessThan(IDLE_MEMORY_BYTES * 1.2);
  });

  it('is noisy from one step to the next; within a step only the slow drift moves it', () => {
    const a = modelUsage(profile, START, at(60_000));
    const b = modelUsage(profile, START, at(60_000 + NOISE_STEP_MS - 1));
    expect(Math.abs(b.memoryBytes - a.memoryBytes) / a.memoryBytes).toBeLessThan(0.01);
    const steps = samples(profile, 60_000, 20 * NOISE_STEP_MS).map((u) => u.cpuMillicores);
    expect(new Set(steps).size).toBeGreaterThan(10);
  });

  it('drifts slowly: five-minute averages wander by more than the noise does', () => {
    const averages = [0, 1, 2, 3, 4, 5].map((i) => mean(samples(profile, BUSY_PHASE_MS + i * 300_000, 300_000).map((u) => u.cpuMillicores)));
    expect(Math.max(...averages) - Math.min(...averages)).toBeGreaterThan(400 * CPU_SHARE * 0.1);
  });

  it('is busy after start: CPU near twice its level, memory still filling', () => {
    const early = modelUsage(profile, START, at(1000));
    const later = mean(samples(profile, BUSY_PHASE_MS, 600_000).map((u) => u.cpuMillicores));
    expect(early.cpuMillicores).toBeGreaterThan(later * 1.5);
    expect(early.memoryBytes).toBeLessThan(200 * Mi * MEMORY_SHARE * 0.75);
  });

  it('keeps CPU at its limit (throttled) and memory clear of its limit', () => {
    const tight = { ...profile, cpuLimitMilli: 210, memoryLimitBytes: 150 * Mi };
    for (const u of samples(tight, 0, 3_600_000)) {
      expect(u.cpuMillicores).toBeLessThanOrEqual(210);
      expect(u.memoryBytes).toBeLessThan(150 * Mi);
    }
  });

  it('reports whole millicores and whole pages', () => {
    for (const u of samples(profile, 0, 120_000)) {
      expect(Number.isInteger(u.cpuMillicores)).toBe(true);
      expect(u.memoryBytes % 4096).toBe(0);
    }
  });
});

describe('noise', () => {
  it('spreads over [-1, 1)', () => {
    const xs = Array.from({ length: 2000 }, (_, i) => noise(42, i));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(mean(xs))).toBeLessThan(0.05);
  });
});
