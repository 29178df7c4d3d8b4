// The Job a CronJob starts for a scheduled time: its template, named <cronjob>-<minutes since
// the epoch> (the name is the lock against starting one time twice), owned by the CronJob and
// annotated with the scheduled time in the CronJob's time zone.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';

export const scheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export const jobName = (cj: CronJob, scheduled: Date) => `${cj.metadata?.name}-${Math.floor(scheduled.getTime() / 60_000)}`;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Go's time.RFC3339 of t in timeZone (UTC when unset): "2026-01-01T09:00:00+09:00", "...Z" at offset zero. */
export function rfc3339In(t: Date, timeZone = 'UTC'): string {
  const seconds = Math.floor(t.getTime() / 1000) * 1000;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(seconds))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = Math.round((local - seconds) / 60_000);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${zone}`;
}

export function jobFromTemplate(cj: Kube<CronJob>, scheduled: Date): Job {
  const template = cj.spec!.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduled),
      labels: { ...template.metadata?.labels },
      annotations: { ...template.metadata?.annotations, [scheduledTimestampAnnotation]: rfc3339In(scheduled, cj.spec?.timeZone) },
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: structuredClone(template.spec!),
  };
}
