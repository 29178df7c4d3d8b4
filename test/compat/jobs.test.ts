// Jobs and CronJobs through the real kubectl against `wheelhouse cluster`: a Job runs to
// Complete on the cluster's nodes, `get jobs` prints what a real cluster prints, a CronJob's
// Job made by `create job --from=cronjob/...` is owned and runs, and ttlSecondsAfterFinished
// removes a finished Job. (Scheduling on a real minute is too slow here: the in-process
// CronJob controller tests drive it with a manual clock.)
import { describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { headerOf, manifests, newNamespace, rowNamed, useCluster } from './compat-cluster';

describe.skipIf(!haveKubectl)('jobs and cronjobs', () => {
  const cluster = useCluster();

  it('runs `create job` to completion; get, describe and the pod show it', async () => {
    const ns = await newNamespace(cluster, 'job');
    expect(await cluster.ok(['create', 'job', 'hello', '--image=busybox', '-n', ns, '--', 'echo', 'hi'])).toBe('job.batch/hello created\n');
    expect(await cluster.ok(['wait', '--for=condition=complete', 'job/hello', '-n', ns, '--timeout=60s'])).toBe('job.batch/hello condition met\n');

    const table = await cluster.ok(['get', 'jobs', '-n', ns]);
    expect(headerOf(table)).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    expect(rowNamed(table, 'hello')?.slice(0, 3)).toEqual(['hello', 'Complete', '1/1']);
    expect(rowNamed(table, 'hello')?.[3]).toMatch(/^\d+s$/);

    const status = JSON.parse(await cluster.ok(['get', 'job', 'hello', '-n', ns, '-o', 'json'])) as {
      status: { succeeded: number; ready: number; terminating: number; conditions: Array<{ type: string; reason: string }> };
    };
    expect(status.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 });
    expect(status.status.conditions.map((c) => [c.type, c.reason])).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached'],
      ['Complete', 'CompletionsReached'],
    ]);

    const pods = await cluster.ok(['get', 'pods', '-n', ns, '-l', 'batch.kubernetes.io/job-name=hello', '-o', 'name']);
    expect(pods.trim()).toMatch(/^pod\/hello-[a-z0-9]{5}$/);
    const podRow = rowNamed(await cluster.ok(['get', 'pods', '-n', ns]), pods.trim().slice('pod/'.length));
    expect(podRow?.slice(1, 3)).toEqual(['0/1', 'Completed']);
    const finalizers = await cluster.ok(['get', pods.trim(), '-n', ns, '-o', 'jsonpath={.metadata.finalizers}']);
    expect(finalizers).toBe('');

    const described = await cluster.ok(['describe', 'job', 'hello', '-n', ns]);
    expect(described).toMatch(/Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed/);
    expect(described).toMatch(/SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: hello-[a-z0-9]{5}/);
    expect(described).toMatch(/Completed\s+\S+\s+job-controller\s+Job completed/);
  });

  it('runs a parallel Job with completions: COMPLETIONS counts up to 3/3', async () => {
    const ns = await newNamespace(cluster, 'par');
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'par', namespace: ns },
      spec: {
        completions: 3,
        parallelism: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'work'] }] } },
      },
    };
    await cluster.ok(['create', '-f', '-'], { input: manifests(job) });
    await cluster.ok(['wait', '--for=condition=complete', 'job/par', '-n', ns, '--timeout=60s']);
    expect(rowNamed(await cluster.ok(['get', 'jobs', '-n', ns]), 'par')?.slice(0, 3)).toEqual(['par', 'Complete', '3/3']);
  });

  it('creates a CronJob and, from it, a Job that is owned by it and runs', async () => {
    const ns = await newNamespace(cluster, 'cron');
    expect(await cluster.ok(['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/1 * * * *', '-n', ns, '--', 'date'])).toBe(
      'cronjob.batch/c created\n',
    );
    const table = await cluster.ok(['get', 'cronjobs', '-n', ns]);
    expect(headerOf(table)).toEqual(['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE']);
    expect(rowNamed(table, 'c')?.slice(0, 6)).toEqual(['c', '*/1 * * * *', '<none>', 'False', '0', '<none>']);

    expect(await cluster.ok(['create', 'job', '--from=cronjob/c', 'manual', '-n', ns])).toBe('job.batch/manual created\n');
    const cjUid = await cluster.ok(['get', 'cronjob', 'c', '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
    const job = JSON.parse(await cluster.ok(['get', 'job', 'manual', '-n', ns, '-o', 'json'])) as {
      metadata: { annotations: Record<string, string>; ownerReferences: object[] };
    };
    expect(job.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'c', uid: cjUid, controller: true }]);
    expect(await cluster.ok(['wait', '--for=condition=complete', 'job/manual', '-n', ns, '--timeout=60s'])).toBe(
      'job.batch/manual condition met\n',
    );
    // Deleting the CronJob takes its Jobs with it.
    await cluster.ok(['delete', 'cronjob', 'c', '-n', ns]);
    await cluster.ok(['wait', '--for=delete', 'job/manual', '-n', ns, '--timeout=60s']);
  });

  it('deletes a finished Job after ttlSecondsAfterFinished', async () => {
    const ns = await newNamespace(cluster, 'ttl');
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'short', namespace: ns },
      spec: {
        ttlSecondsAfterFinished: 0,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'bye'] }] } },
      },
    };
    await cluster.ok(['create', '-f', '-'], { input: manifests(job) });
    await cluster.ok(['wait', '--for=delete', 'job/short', '-n', ns, '--timeout=60s']);
    expect(await cluster.ok(['get', 'pods', '-n', ns, '-o', 'name'])).toBe('');
  });
});
