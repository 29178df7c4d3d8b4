// The CronJob controller against a real API server, a manual clock driving the schedule, and
// the test marking Jobs finished (the Job controller's part): the story. Its cases one by one
// are on fakes in cronjob-sync.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CronJob, CronJobSpec, Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import { CronJobController } from './cronjob-controller';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';

let t: TestCluster;
let controller: CronJobController;
const ns = 'default';

beforeEach(async () => {
  t = await startTestCluster();
  controller = new CronJobController(t.cluster.context);
  controller.start();
});

afterEach(async () => {
  controller.stop();
  await t.stop();
});

function createCronJob(name: string, spec: Partial<CronJobSpec> = {}) {
  return t.client.create<CronJob>('batch', 'cronjobs', ns, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      timeZone: 'UTC',
      jobTemplate: {
        metadata: { labels: { app: name } },
        spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'date', image: 'busybox', command: ['date'] }] } } },
      },
      ...spec,
    },
  });
}

const cronJob = (name: string) => t.cluster.registry.storeFor('batch', 'cronjobs')!.find(ns, name)?.object as Kube<CronJob>;
const jobs = () =>
  t.cluster.registry
    .storeFor('batch', 'jobs')!
    .list({ namespace: ns })
    .items.map((c) => c.object as Kube<Job>)
    .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
const events = (name: string) => t.events(ns, name).map((e) => [e.reason, e.message]);

/** The next whole minute after the CronJob's creation: its first scheduled time. */
const firstRun = (cj: Kube<CronJob>) => Math.floor(Date.parse(cj.metadata.creationTimestamp!) / 60_000 + 1) * 60_000;

/** Moves the clock to just after scheduled run n (0-based) and waits for the controller to act. */
async function runTick(cj: Kube<CronJob>, n: number, done: () => boolean) {
  t.clock.advance(firstRun(cj) + n * 60_000 + 200 - t.clock.now().getTime());
  await t.waitFor(done, `tick ${n}`);
}

async function finishJob(job: Kube<Job>, type: 'Complete' | 'Failed') {
  const now = timestamp(t.clock.now());
  await t.client.updateStatus<Job>('batch', 'jobs', ns, job.metadata.name!, (j) => {
    j.status = {
      startTime: j.status?.startTime ?? now,
      ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: 1 }),
      conditions: [
        { type: type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget', status: 'True', lastTransitionTime: now },
        { type, status: 'True', lastTransitionTime: now },
      ],
    };
  });
}

describe('CronJobController', () => {
  it('creates a Job at each scheduled time, owned and annotated, and tracks it in status', async () => {
    const cj = await createCronJob('tick');
    await t.waitFor(() => true);
    expect(jobs()).toHaveLength(0);
    const first = firstRun(cj);
    await runTick(cj, 0, () => jobs().length === 1 && !!cronJob('tick').status?.active);
    const [job] = jobs();
    expect(job!.metadata.name).toBe(`tick-${first / 60_000}`);
    expect(job!.metadata.labels).toMatchObject({ app: 'tick' });
    expect(job!.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': timestamp(new Date(first)) });
    expect(job!.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    const status = cronJob('tick').status!;
    expect(status.lastScheduleTime).toBe(timestamp(new Date(first)));
    expect(status.active).toEqual([expect.objectContaining({ kind: 'Job', name: job!.metadata.name, uid: job!.metadata.uid, apiVersion: 'batch/v1' })]);
    expect(events('tick')).toContainEqual(['SuccessfulCreate', `Created job ${job!.metadata.name}`]);

    await finishJob(job!, 'Complete');
    await t.waitFor(() => !cronJob('tick').status?.active && cronJob('tick').status?.lastSuccessfulTime, 'completed job seen');
    expect(events('tick')).toContainEqual(['SawCompletedJob', `Saw completed job: ${job!.metadata.name}, condition: Complete`]);

    await runTick(cj, 1, () => cronJob('tick').status?.lastScheduleTime === timestamp(new Date(first + 60_000)));
    expect(jobs()).toHaveLength(2);
  });

  const policies: Array<{ policy: 'Allow' | 'Forbid' | 'Replace'; jobsAfter: number; active: number; event: string }> = [
    { policy: 'Allow', jobsAfter: 2, active: 2, event: 'SuccessfulCreate' },
    { policy: 'Forbid', jobsAfter: 1, active: 1, event: 'JobAlreadyActive' },
    { policy: 'Replace', jobsAfter: 1, active: 1, event: 'SuccessfulDelete' },
  ];
  it.each(policies)('concurrencyPolicy $policy with a Job still running', async ({ policy, jobsAfter, active, event }) => {
    const cj = await createCronJob('c', { concurrencyPolicy: policy });
    await runTick(cj, 0, () => jobs().length === 1 && cronJob('c').status?.active?.length === 1);
    const firstJob = jobs()[0]!;
    await runTick(cj, 1, () => events('c').some(([reason]) => reason === event) && cronJob('c').status?.lastScheduleTime !== undefined);
    await t.waitFor(() => jobs().length === jobsAfter && (cronJob('c').status?.active?.length ?? 0) === active, 'jobs settled');
    const stillFirst = jobs().some((j) => j.metadata.uid === firstJob.metadata.uid);
    expect(stillFirst).toBe(policy !== 'Replace');
    if (policy === 'Forbid') expect(events('c')).toContainEqual(['JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid']);
    if (policy === 'Replace') expect(events('c')).toContainEqual(['SuccessfulDelete', `Deleted job ${firstJob.metadata.name}`]);
  });
});
