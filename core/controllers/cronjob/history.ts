// successfulJobsHistoryLimit and failedJobsHistoryLimit: the oldest finished Jobs (by start
// time, unstarted last, then by name) beyond each limit are deleted.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { finishedCondition } from '../job/conditions';

function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa !== !sb) return sa ? -1 : 1;
  if (sa === sb) return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  return Date.parse(sa!) - Date.parse(sb!);
}

function oldestBeyond<J extends Job>(jobs: J[], limit: number | undefined): J[] {
  if (limit === undefined || jobs.length <= limit) return [];
  return [...jobs].sort(byStartTime).slice(0, jobs.length - limit);
}

export function jobsBeyondHistoryLimits<J extends Job>(cj: CronJob, jobs: J[]): J[] {
  const kind = (j: J) => finishedCondition(j)?.type;
  return [
    ...oldestBeyond(jobs.filter((j) => kind(j) === 'Complete'), cj.spec?.successfulJobsHistoryLimit),
    ...oldestBeyond(jobs.filter((j) => kind(j) === 'Failed'), cj.spec?.failedJobsHistoryLimit),
  ];
}
