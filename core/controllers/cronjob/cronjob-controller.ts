// The CronJob controller (kube-controller-manager's cronjob controller v2, v1.32): starts a Job
// at each scheduled time, honouring suspend, startingDeadlineSeconds and concurrencyPolicy,
// tracks its Jobs in status.active, lastScheduleTime and lastSuccessfulTime, and keeps only
// the configured number of finished Jobs. It wakes itself on the context's clock at the next
// scheduled time.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import { isKnownTimeZone } from '../../registry/cronjobs/schedule';
import type { Client } from '../../client/client';
import { timestamp } from '../../client/clock';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { finishedCondition, isJobSucceeded } from '../job/conditions';
import { jobsBeyondHistoryLimits } from './history';
import { jobFromTemplate, jobName } from './job-from-template';
import { mostRecentScheduleTime, nextScheduleDelay, parseSchedule, type Schedule } from './schedule';

type CronJobObj = Kube<CronJob>;
type JobObj = Kube<Job>;

interface SyncResult {
  /** Milliseconds until the next look, when a schedule is running. */
  requeueAfter?: number;
  updateStatus: boolean;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Go's time.RFC1123Z of t in UTC: "Thu, 01 Jan 2026 00:05:00 +0000". */
function rfc1123z(t: Date): string {
  return t.toUTCString().replace('GMT', '+0000');
}

function jobRef(job: JobObj): ObjectReference {
  const m = job.metadata;
  return { kind: 'Job', namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: 'batch/v1', resourceVersion: m.resourceVersion };
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private readonly cronJobs: Informer<CronJob>;
  private readonly jobs: Informer<Job>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.cronJobs = ctx.informer<CronJob>('batch', 'cronjobs');
    this.jobs = ctx.informer<Job>('batch', 'jobs');
    this.client = ctx.client(this.name);
    this.recorder = ctx.recorder('cronjob-controller');
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 2);
  }

  start(): void {
    this.unsubscribe.push(
      this.cronJobs.on({ add: (cj) => this.queue.add(keyOf(cj)), update: (cj) => this.queue.add(keyOf(cj)) }),
      this.jobs.on({ add: (j) => this.onJob(j), update: (j) => this.onJob(j), delete: (j) => this.onJob(j) }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.queue.stop();
  }

  private onJob(job: JobObj): void {
    const ref = job.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.kind !== 'CronJob') return;
    const cj = this.cronJobs.get(job.metadata.namespace, ref.name);
    if (cj?.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
  }

  /** syncCronJob's entry: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const cached = this.cronJobs.get(ns, name);
    if (!cached) return;
    const cj = structuredClone(cached) as CronJobObj;
    cj.status ??= {};
    const jobs = this.jobs.list(ns).filter((j) => j.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid));
    const result = await this.syncCronJob(cj, jobs, this.ctx.clock.now());
    if (await this.cleanupFinishedJobs(cj, jobs)) result.updateStatus = true;
    if (result.updateStatus) {
      const status = structuredClone(cj.status);
      if (!status.active?.length) delete status.active;
      await this.client.updateStatus<CronJob>('batch', 'cronjobs', ns, name, (cur) => {
        if (cur.metadata.uid === cj.metadata.uid) cur.status = status;
      });
    }
    if (result.requeueAfter !== undefined) this.queue.addAfter(key, result.requeueAfter);
  }

  private inActive(cj: CronJobObj, uid: string | undefined): boolean {
    return cj.status?.active?.some((r) => r.uid === uid) ?? false;
  }

  private removeFromActive(cj: CronJobObj, uid: string | undefined): void {
    cj.status!.active = (cj.status!.active ?? []).filter((r) => r.uid !== uid);
  }

  /** Reconciles status.active with the Jobs, then starts the Job for a due schedule. */
  private async syncCronJob(cj: CronJobObj, jobs: JobObj[], now: Date): Promise<SyncResult> {
    const status = cj.status!;
    let updateStatus = false;
    for (const job of jobs) {
      const found = this.inActive(cj, job.metadata.uid);
      const finished = finishedCondition(job);
      if (!found && !finished) {
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      } else if (found && finished) {
        this.removeFromActive(cj, job.metadata.uid);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${finished.type}`);
        updateStatus = true;
      }
      const completed = job.status?.completionTime;
      if (isJobSucceeded(job) && completed && (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) {
        status.lastSuccessfulTime = completed;
        updateStatus = true;
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
      if (this.jobs.get(ref.namespace, ref.name ?? '')?.metadata.uid === ref.uid) continue;
      this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
      this.removeFromActive(cj, ref.uid);
      updateStatus = true;
    }

    if (cj.metadata.deletionTimestamp) return { updateStatus };
    const tz = cj.spec?.timeZone;
    if (tz !== undefined && tz !== 'UTC' && !isKnownTimeZone(tz)) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`);
      return { updateStatus };
    }
    if (cj.spec?.suspend) return { updateStatus };
    let schedule: Schedule;
    try {
      schedule = parseSchedule(cj.spec?.schedule ?? '', tz);
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${errorText(e)}`);
      return { updateStatus };
    }
    const window = mostRecentScheduleTime(cj, now, schedule, true);
    if (window.missed === 'many') {
      this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const requeue = (): SyncResult => ({ requeueAfter: nextScheduleDelay(cj, now, schedule), updateStatus });
    const scheduled = window.mostRecent;
    if (!scheduled) return requeue();
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && scheduled.getTime() + deadline * 1000 < now.getTime()) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return requeue();
    }
    const name = jobName(cj, scheduled);
    if (status.active?.some((r) => r.name === name) || status.lastScheduleTime === timestamp(scheduled)) return requeue();
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && status.active?.length) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return requeue();
    }
    if (policy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        await this.deleteJob(cj, ref.name ?? '', ref.uid);
        updateStatus = true;
      }
    }
    let created: JobObj;
    try {
      created = await this.client.create<Job>('batch', 'jobs', cj.metadata.namespace, jobFromTemplate(cj, scheduled));
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'AlreadyExists') return { updateStatus };
      if (!(e instanceof ApiError && JSON.stringify(e).includes('NamespaceTerminating'))) {
        this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${errorText(e)}`);
      }
      throw e;
    }
    this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    status.active = [...(status.active ?? []), jobRef(created)];
    status.lastScheduleTime = timestamp(scheduled);
    updateStatus = true;
    return requeue();
  }

  private async deleteJob(cj: CronJobObj, name: string, uid: string | undefined): Promise<void> {
    try {
      await this.client.delete('batch', 'jobs', cj.metadata.namespace, name, { propagationPolicy: 'Background' });
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${errorText(e)}`);
      throw e;
    }
    this.removeFromActive(cj, uid);
    this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
  }

  /** Deletes finished Jobs beyond the history limits; returns whether status changed. */
  private async cleanupFinishedJobs(cj: CronJobObj, jobs: JobObj[]): Promise<boolean> {
    const extra = jobsBeyondHistoryLimits(cj, jobs);
    for (const job of extra) await this.deleteJob(cj, job.metadata.name!, job.metadata.uid);
    return extra.length > 0;
  }
}
