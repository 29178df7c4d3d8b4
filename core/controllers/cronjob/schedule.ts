// CronJob schedules as robfig/cron reads them (the validator in core/registry/cronjobs decides
// what parses), next times from cron-parser, and the controller's schedule arithmetic
// (mostRecentScheduleTime, nextScheduleTimeDuration).
import { ownValue } from '../../machinery/json-value';
import { CronExpressionParser } from 'cron-parser';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { scheduleError } from '../../registry/cronjobs/schedule';

export interface Schedule {
  /** The first activation strictly after t. */
  next(t: Date): Date;
}

const descriptors: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (the validator has already accepted the text). */
function goDurationMs(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * unitMs[m[2]!]!;
  return text.startsWith('-') ? -total : total;
}

/** Parses a schedule (in timeZone, or this process's zone as kube-controller-manager does); throws robfig's error text. */
export function parseSchedule(schedule: string, timeZone?: string): Schedule {
  const error = scheduleError(schedule);
  if (error) throw new Error(error);
  const spec = schedule.trim();
  if (spec.startsWith('@every ')) {
    // Whole seconds, at least one, counted from the whole second before t.
    const delay = Math.max(1000, Math.floor(goDurationMs(spec.slice('@every '.length).trim()) / 1000) * 1000);
    return { next: (t) => new Date(Math.floor(t.getTime() / 1000) * 1000 + delay) };
  }
  const expression = ownValue(descriptors, spec) ?? spec;
  const tz = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { next: (t) => CronExpressionParser.parse(expression, { currentDate: t, tz }).next().toDate() };
}

export interface ScheduleWindow {
  /** Where the search for unmet times started. */
  earliest: Date;
  /** The latest unmet scheduled time at or before now. */
  mostRecent?: Date;
  missed: 'none' | 'few' | 'many';
}

/** Missed schedules beyond which the controller warns instead of counting (kube: 100). */
const tooManyMissed = 100;

/** The latest scheduled time not yet run, searching from the last run (or creation) and, optionally, the starting deadline. */
export function mostRecentScheduleTime(cj: CronJob, now: Date, schedule: Schedule, withStartingDeadline: boolean): ScheduleWindow {
  const last = cj.status?.lastScheduleTime ?? cj.metadata?.creationTimestamp;
  let earliest = new Date(last ? Date.parse(last) : now.getTime());
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (withStartingDeadline && deadline !== undefined) {
    const limit = new Date(now.getTime() - deadline * 1000);
    if (limit > earliest) earliest = limit;
  }
  const t1 = schedule.next(earliest);
  const t2 = schedule.next(t1);
  if (now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'few' };
  // Estimate how many runs fit, then walk from just before the estimate to now.
  const period = Math.max(1, Math.round((t2.getTime() - t1.getTime()) / 1000));
  const count = Math.floor((now.getTime() - t1.getTime()) / 1000 / period) + 1;
  let mostRecent: Date | undefined;
  for (let t = schedule.next(new Date(t1.getTime() + (count - 2) * period * 1000)); t <= now; t = schedule.next(t)) mostRecent = t;
  return { earliest, mostRecent, missed: count > tooManyMissed ? 'many' : 'few' };
}

/** A little past the next scheduled time, so the sync that wakes there finds it due. */
const nextScheduleDeltaMs = 100;

/** Milliseconds until the controller should look at the CronJob again. */
export function nextScheduleDelay(cj: CronJob, now: Date, schedule: Schedule): number {
  const w = mostRecentScheduleTime(cj, now, schedule, false);
  const from = w.mostRecent ?? (w.missed === 'none' ? w.earliest : now);
  return schedule.next(from).getTime() + nextScheduleDeltaMs - now.getTime();
}
