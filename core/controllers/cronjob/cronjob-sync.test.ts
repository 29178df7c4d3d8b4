// The CronJob controller's sync on fakes, as cronjob_controllerv2_test.go: a CronJob and its
// Jobs seeded, the clock at a given time, one sync(key), the client's actions, the events and
// the status written.
import type { CronJob, CronJobSpec, CronJobStatus, Job, JobStatus } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../client/clock';
import { FakeContext, type Verb } from '../../../test/support/controller-fakes';
import { CronJobController } from './cronjob-controller';

const T0 = '2026-01-01T00:00:00Z';
const MINUTE = 60_000;
const at = (t: string, minutes: number) => new Date(Date.parse(t) + minutes * MINUTE).toISOString().replace('.000Z', 'Z');
/** The Job a CronJob starts for a scheduled time: <name>-<minutes since the epoch>. */
const jobName = (scheduled: string) => `pi-${Date.parse(scheduled) / MINUTE}`;

function cronJob(spec: Partial<CronJobSpec> = {}, status?: CronJobStatus): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'pi', namespace: 'default', creationTimestamp: at(T0, -30) },
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Allow',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'pi', image: 'perl' }] } } } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

function job(scheduled: string, status: JobStatus = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(scheduled),
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'pi', uid: 'uid-pi', controller: true, blockOwnerDeletion: true }],
      creationTimestamp: scheduled,
    },
    spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'pi', image: 'perl' }] } } },
    status,
  };
}

const ref = (scheduled: string) => ({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: jobName(scheduled), uid: `uid-${jobName(scheduled)}` });
const done = (type: 'Complete' | 'Failed', when: string): JobStatus => ({
  ...(type === 'Complete' ? { succeeded: 1, completionTime: when } : { failed: 1 }),
  conditions: [{ type, status: 'True', lastTransitionTime: when }],
});

interface Row {
  name: string;
  objects: object[];
  /** The clock; T0 unless given. */
  now?: string;
  fail?: Array<[Verb, string]>;
  actions: string[];
  events?: string[];
  /** The status written (matched: the Job references carry resourceVersions). */
  status?: object;
  error?: string;
}

const STATUS = 'update-status cronjobs.batch default/pi';
const PREVIOUS = at(T0, -5);
const activeSince = (scheduled: string): CronJobStatus => ({ active: [ref(scheduled)], lastScheduleTime: scheduled });

const rows: Row[] = [
  {
    name: 'starts the Job of a due schedule and tracks it as active',
    objects: [cronJob()],
    actions: [`create jobs.batch default/${jobName(T0)}`, STATUS],
    events: [`Normal SuccessfulCreate Created job ${jobName(T0)}`],
    status: { active: [ref(T0)], lastScheduleTime: T0 },
  },
  {
    name: 'nothing when the due time has run already',
    objects: [cronJob({}, { lastScheduleTime: T0 })],
    actions: [],
  },
  {
    name: 'nothing when no time has come since the CronJob was created',
    objects: [{ ...cronJob(), metadata: { name: 'pi', namespace: 'default', creationTimestamp: T0 } }],
    actions: [],
  },
  {
    name: 'nothing while suspended',
    objects: [cronJob({ suspend: true })],
    actions: [],
  },
  {
    name: 'Allow: a second Job beside the running one',
    objects: [cronJob({}, activeSince(PREVIOUS)), job(PREVIOUS)],
    actions: [`create jobs.batch default/${jobName(T0)}`, STATUS],
    events: [`Normal SuccessfulCreate Created job ${jobName(T0)}`],
    status: { active: [ref(PREVIOUS), ref(T0)], lastScheduleTime: T0 },
  },
  {
    name: 'Forbid: no new Job while one runs',
    objects: [cronJob({ concurrencyPolicy: 'Forbid' }, activeSince(PREVIOUS)), job(PREVIOUS)],
    actions: [],
    events: ['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'],
  },
  {
    name: 'Replace: deletes the running Job, then starts the new one',
    objects: [cronJob({ concurrencyPolicy: 'Replace' }, activeSince(PREVIOUS)), job(PREVIOUS)],
    actions: [`delete jobs.batch default/${jobName(PREVIOUS)}`, `create jobs.batch default/${jobName(T0)}`, STATUS],
    events: [`Normal SuccessfulDelete Deleted job ${jobName(PREVIOUS)}`, `Normal SuccessfulCreate Created job ${jobName(T0)}`],
    status: { active: [ref(T0)], lastScheduleTime: T0 },
  },
  {
    name: 'a finished active Job leaves active, and its completion is recorded',
    objects: [cronJob({}, { ...activeSince(PREVIOUS), lastScheduleTime: T0 }), job(PREVIOUS, done('Complete', at(T0, -1)))],
    actions: [STATUS],
    events: [`Normal SawCompletedJob Saw completed job: ${jobName(PREVIOUS)}, condition: Complete`],
    status: { lastScheduleTime: T0, lastSuccessfulTime: at(T0, -1) },
  },
  {
    name: 'an active Job that went missing leaves active',
    objects: [cronJob({}, { ...activeSince(PREVIOUS), lastScheduleTime: T0 })],
    actions: [STATUS],
    events: [`Normal MissingJob Active job went missing: ${jobName(PREVIOUS)}`],
    status: { lastScheduleTime: T0 },
  },
  {
    name: 'a running Job it did not start is reported, not adopted',
    objects: [cronJob({}, { lastScheduleTime: T0 }), job(PREVIOUS)],
    actions: [],
    events: [`Warning UnexpectedJob Saw a job that the controller did not create or forgot: ${jobName(PREVIOUS)}`],
  },
  {
    name: 'a time missed by more than startingDeadlineSeconds is skipped',
    now: at(T0, 2),
    objects: [cronJob({ startingDeadlineSeconds: 60 }, { lastScheduleTime: PREVIOUS })],
    actions: [],
  },
  {
    name: 'a time missed by less than startingDeadlineSeconds still runs',
    now: at(T0, 2),
    objects: [cronJob({ startingDeadlineSeconds: 180 }, { lastScheduleTime: PREVIOUS })],
    actions: [`create jobs.batch default/${jobName(T0)}`, STATUS],
    events: [`Normal SuccessfulCreate Created job ${jobName(T0)}`],
    status: { active: [ref(T0)], lastScheduleTime: T0 },
  },
  {
    name: 'an unparseable schedule is reported',
    objects: [cronJob({ schedule: 'every day' })],
    actions: [],
    events: ['Warning UnparseableSchedule unparseable schedule: "every day" : expected exactly 5 fields, found 2: [every day]'],
  },
  {
    name: 'deletes the finished Jobs beyond the history limits, oldest first',
    objects: [
      cronJob({ successfulJobsHistoryLimit: 1 }, { lastScheduleTime: T0 }),
      job(at(T0, -15), done('Complete', at(T0, -14))),
      job(at(T0, -10), done('Complete', at(T0, -9))),
      job(at(T0, -5), done('Failed', at(T0, -4))),
    ],
    actions: [`delete jobs.batch default/${jobName(at(T0, -15))}`, STATUS],
    events: [`Normal SuccessfulDelete Deleted job ${jobName(at(T0, -15))}`],
    status: { lastScheduleTime: T0, lastSuccessfulTime: at(T0, -9) },
  },
  {
    name: 'a failed create is reported and fails the sync',
    objects: [cronJob()],
    fail: [['create', 'jobs.batch']],
    actions: [`create jobs.batch default/${jobName(T0)}`],
    events: ['Warning FailedCreate Error creating job: injected create jobs.batch failure'],
    error: 'injected create jobs.batch failure',
  },
];

describe('CronJob controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext(new ManualClock(Date.parse(row.now ?? T0)));
    ctx.seed(...row.objects);
    for (const [verb, resource] of row.fail ?? []) ctx.fakeClient.failNext(verb, resource);
    const c = new CronJobController(ctx);
    const sync = c.sync('default/pi');
    if (row.error) await expect(sync).rejects.toThrow(row.error);
    else await sync;
    c.stop(); // the requeue for the next time
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
    expect(ctx.fakeRecorder.events).toEqual(row.events ?? []);
    if (row.status) expect(ctx.fakeClient.actions.findLast((a) => a.verb === 'update-status')?.object?.status).toMatchObject(row.status);
  });
});
