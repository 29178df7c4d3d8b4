// The Job controller against a real API server, with the test playing the kubelet: the stories.
// Its logic case by case is tested on fakes in job-sync.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import { JobController } from './job-controller';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';

let t: TestCluster;
let controller: JobController;
const ns = 'default';

beforeEach(async () => {
  t = await startTestCluster();
  controller = new JobController(t.cluster.context);
  controller.start();
});

afterEach(async () => {
  controller.stop();
  await t.stop();
});

function createJob(name: string, spec: Partial<JobSpec> = {}) {
  return t.client.create<Job>('batch', 'jobs', ns, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['echo', 'hi'] }] } },
      ...spec,
    },
  });
}

const job = (name: string) => t.cluster.registry.storeFor('batch', 'jobs')!.find(ns, name)?.object as Kube<Job> | undefined;
const podsOf = (name: string) => t.pods(ns).filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === name);
const activePods = (name: string) => podsOf(name).filter((p) => !p.status?.phase || p.status.phase === 'Pending');
const conditionTypes = (name: string) => (job(name)?.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
const hasCondition = (name: string, type: string) => conditionTypes(name).includes(type);

describe('JobController', () => {
  it('runs completions with parallelism, counts pods through their finalizers and completes', async () => {
    const created = await createJob('pi', { completions: 3, parallelism: 2 });
    const first = await t.waitFor(() => activePods('pi').length === 2 && activePods('pi'), 'two pods');
    const pod = first[0]!;
    expect(pod.metadata.generateName).toBe('pi-');
    expect(pod.metadata.finalizers).toContain('batch.kubernetes.io/job-tracking');
    expect(pod.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'controller-uid': created.metadata.uid });
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    await t.waitFor(() => job('pi')?.status?.active === 2 && job('pi')?.status?.startTime, 'active 2');

    await t.finishPod(first[0]!, 'Succeeded');
    await t.waitFor(() => job('pi')?.status?.succeeded === 1 && activePods('pi').length === 2, 'a third pod');
    expect(podsOf('pi').find((p) => p.metadata.uid === first[0]!.metadata.uid)?.metadata.finalizers ?? []).not.toContain(
      'batch.kubernetes.io/job-tracking',
    );
    for (const p of activePods('pi')) await t.finishPod(p, 'Succeeded');

    const done = await t.waitFor(() => hasCondition('pi', 'Complete') && job('pi'), 'Complete');
    expect(done.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.completionTime).toBeDefined();
    expect(done.status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    await t.waitFor(() => t.events(ns, 'pi').some((e) => e.reason === 'Completed'), 'Completed event');
    const events = t.events(ns, 'pi').map((e) => [e.reason, e.message]);
    expect(events).toContainEqual(['SuccessfulCreate', `Created pod: ${pod.metadata.name}`]);
    expect(events).toContainEqual(['Completed', 'Job completed']);
    expect(podsOf('pi').every((p) => !p.metadata.finalizers?.length)).toBe(true);
  });

  it('replaces failed pods after the backoff delay and fails the Job past backoffLimit', async () => {
    await createJob('flaky', { backoffLimit: 1 });
    const [p1] = await t.waitFor(() => activePods('flaky').length === 1 && activePods('flaky'), 'first pod');
    await t.finishPod(p1!, 'Failed');
    await t.waitFor(() => job('flaky')?.status?.failed === 1, 'failed 1');
    expect(activePods('flaky')).toHaveLength(0); // backing off: 10 s

    t.clock.advance(10_000);
    const [p2] = await t.waitFor(() => activePods('flaky').length === 1 && activePods('flaky'), 'replacement');
    await t.finishPod(p2!, 'Failed');

    const failed = await t.waitFor(() => hasCondition('flaky', 'Failed') && job('flaky'), 'Failed');
    expect(failed.status?.failed).toBe(2);
    expect(failed.status?.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(failed.status?.completionTime).toBeUndefined();
    await t.waitFor(() => t.events(ns, 'flaky').some((e) => e.reason === 'BackoffLimitExceeded' && e.type === 'Warning'), 'event');
  });

  it('suspends (no pods, Suspended condition), resumes, and deletes active pods when suspended again', async () => {
    await createJob('sus', { suspend: true, parallelism: 2, completions: 2 });
    await t.waitFor(() => hasCondition('sus', 'Suspended'), 'Suspended');
    const cond = job('sus')!.status!.conditions!.find((c) => c.type === 'Suspended')!;
    expect([cond.reason, cond.message]).toEqual(['JobSuspended', 'Job suspended']);
    expect(podsOf('sus')).toHaveLength(0);
    expect(job('sus')?.status?.startTime).toBeUndefined();

    await t.client.update<Job>('batch', 'jobs', ns, 'sus', (j) => void (j.spec!.suspend = false));
    await t.waitFor(() => activePods('sus').length === 2, 'pods after resume');
    await t.waitFor(() => job('sus')?.status?.conditions?.find((c) => c.type === 'Suspended')?.reason === 'JobResumed', 'resumed');
    expect(job('sus')?.status?.startTime).toBeDefined();

    await t.client.update<Job>('batch', 'jobs', ns, 'sus', (j) => void (j.spec!.suspend = true));
    await t.waitFor(() => podsOf('sus').length === 0 && hasCondition('sus', 'Suspended'), 'pods deleted');
    expect(job('sus')?.status?.failed).toBeUndefined();
    expect(t.events(ns, 'sus').map((e) => e.reason)).toEqual(expect.arrayContaining(['Suspended', 'Resumed', 'SuccessfulDelete']));
  });
});
