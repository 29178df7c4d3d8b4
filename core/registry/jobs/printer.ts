// kubectl get jobs: STATUS, COMPLETIONS ("1/3", "0/1 of 2"), DURATION, AGE; wide: CONTAINERS,
// IMAGES, SELECTOR.
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age, humanDuration, parseTimestamp } from '../../machinery/human-duration';
import { containerCells, formatLabelSelector } from '../printing/format';

// The first condition of the type decides, as hasJobCondition does.
function hasCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  return conditions?.find((c) => c.type === type)?.status === 'True';
}

/** The STATUS cell: Complete, Failed, Terminating, Suspended, FailureTarget or Running. */
export function jobStatus(job: Kube<Job>): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The COMPLETIONS cell: succeeded/completions, or "n/1 of p" for parallel work queues. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The DURATION cell: from start to completion, or to now while running; "" before it starts. */
export function jobDuration(job: Job, now: Date): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(job.status?.completionTime) ?? now.getTime();
  return humanDuration(end - start);
}

export const printer: Printer<Kube<Job>> = {
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', doc.jobSucceeded),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', doc.jobSelector, { priority: 1 }),
  ],
  cells: (job, now) => [
    job.metadata.name ?? '',
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    age(job, now),
    ...containerCells(job.spec?.template?.spec?.containers),
    formatLabelSelector(job.spec?.selector),
  ],
};
