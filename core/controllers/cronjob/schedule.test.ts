import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { mostRecentScheduleTime, nextScheduleDelay, parseSchedule } from './schedule';
import { jobName, rfc3339In } from './job-from-template';

const at = (iso: string) => new Date(iso);

describe('parseSchedule', () => {
  const rows: Array<{ schedule: string; tz?: string; after: string; next: string }> = [
    { schedule: '*/5 * * * *', tz: 'UTC', after: '2026-01-01T00:05:00Z', next: '2026-01-01T00:10:00.000Z' },
    { schedule: '@hourly', tz: 'UTC', after: '2026-01-01T00:05:00Z', next: '2026-01-01T01:00:00.000Z' },
    { schedule: '@midnight', tz: 'UTC', after: '2026-01-01T00:05:00Z', next: '2026-01-02T00:00:00.000Z' },
    { schedule: '0 9 * * *', tz: 'Asia/Tokyo', after: '2026-01-01T00:05:00Z', next: '2026-01-02T00:00:00.000Z' },
    { schedule: '@every 90s', after: '2026-01-01T00:05:00.700Z', next: '2026-01-01T00:06:30.000Z' },
  ];
  it.each(rows)('$schedule after $after', ({ schedule, tz, after, next }) => {
    expect(parseSchedule(schedule, tz).next(at(after)).toISOString()).toBe(next);
  });

  it("throws robfig's message for what validation refuses", () => {
    expect(() => parseSchedule('* * *')).toThrow('expected exactly 5 fields, found 3: [* * *]');
    expect(() => parseSchedule('constructor')).toThrow('expected exactly 5 fields, found 1: [constructor]');
  });
});

describe('schedule arithmetic', () => {
  const cj = (status: CronJob['status'], startingDeadlineSeconds?: number): CronJob => ({
    metadata: { name: 'c', creationTimestamp: '2026-01-01T00:00:30Z' },
    spec: { schedule: '* * * * *', startingDeadlineSeconds, jobTemplate: {} },
    status,
  });
  const every = parseSchedule('* * * * *', 'UTC');
  const rows: Array<{ name: string; cj: CronJob; now: string; mostRecent?: string; missed: string }> = [
    { name: 'nothing due yet', cj: cj({}), now: '2026-01-01T00:00:59Z', missed: 'none' },
    { name: 'one due', cj: cj({}), now: '2026-01-01T00:01:10Z', mostRecent: '2026-01-01T00:01:00.000Z', missed: 'few' },
    { name: 'several missed: the latest', cj: cj({}), now: '2026-01-01T00:05:10Z', mostRecent: '2026-01-01T00:05:00.000Z', missed: 'few' },
    { name: 'already ran', cj: cj({ lastScheduleTime: '2026-01-01T00:05:00Z' }), now: '2026-01-01T00:05:30Z', missed: 'none' },
    { name: 'many missed', cj: cj({}), now: '2026-01-01T03:00:10Z', mostRecent: '2026-01-01T03:00:00.000Z', missed: 'many' },
    { name: 'deadline bounds the search', cj: cj({}, 60), now: '2026-01-01T03:00:10Z', mostRecent: '2026-01-01T03:00:00.000Z', missed: 'few' },
  ];
  it.each(rows)('$name', ({ cj, now, mostRecent, missed }) => {
    const w = mostRecentScheduleTime(cj, at(now), every, true);
    expect(w.mostRecent?.toISOString()).toBe(mostRecent);
    expect(w.missed).toBe(missed);
  });

  it('wakes just after the next scheduled time', () => {
    expect(nextScheduleDelay(cj({ lastScheduleTime: '2026-01-01T00:05:00Z' }), at('2026-01-01T00:05:30Z'), every)).toBe(30_100);
  });
});

describe('scheduled Jobs', () => {
  it('are named by minutes since the epoch', () => {
    expect(jobName({ metadata: { name: 'c' } } as CronJob, at('2026-01-01T00:05:00Z'))).toBe('c-29453765');
  });

  const rows: Array<{ tz?: string; text: string }> = [
    { text: '2026-01-01T00:05:00Z' },
    { tz: 'Asia/Tokyo', text: '2026-01-01T09:05:00+09:00' },
    { tz: 'America/New_York', text: '2025-12-31T19:05:00-05:00' },
    { tz: 'Asia/Kolkata', text: '2026-01-01T05:35:00+05:30' },
  ];
  it.each(rows)('carry the scheduled time in $tz', ({ tz, text }) => {
    expect(rfc3339In(at('2026-01-01T00:05:00Z'), tz)).toBe(text);
  });
});
