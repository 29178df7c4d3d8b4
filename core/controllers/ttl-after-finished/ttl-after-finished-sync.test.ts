// The TTL-after-finished controller's sync on fakes, as ttlafterfinished_controller_test.go: a
// Job seeded, the clock at a given time, one sync(key), the client's actions.
import type { Job, JobSpec, JobStatus } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../client/clock';
import { FakeContext } from '../../../test/support/controller-fakes';
import { TTLAfterFinishedController } from './ttl-after-finished-controller';

const FINISHED = '2026-01-01T00:00:00Z';
const finished = (type: 'Complete' | 'Failed'): JobStatus => ({ conditions: [{ type, status: 'True', lastTransitionTime: FINISHED }] });

function job(spec: Partial<JobSpec>, status: JobStatus = finished('Complete'), deleting = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'done', namespace: 'default', ...(deleting ? { deletionTimestamp: FINISHED } : {}) },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
    status,
  };
}

const DELETE = 'delete jobs.batch default/done';

const rows: Array<{ name: string; objects: Job[]; secondsLater: number; actions: string[] }> = [
  { name: 'deletes a Complete Job whose TTL has passed', objects: [job({ ttlSecondsAfterFinished: 60 })], secondsLater: 60, actions: [DELETE] },
  { name: 'deletes a Failed Job whose TTL has passed', objects: [job({ ttlSecondsAfterFinished: 60 }, finished('Failed'))], secondsLater: 61, actions: [DELETE] },
  { name: 'leaves a Job whose TTL has not passed', objects: [job({ ttlSecondsAfterFinished: 60 })], secondsLater: 59, actions: [] },
  { name: 'deletes at once with a TTL of 0', objects: [job({ ttlSecondsAfterFinished: 0 })], secondsLater: 0, actions: [DELETE] },
  { name: 'leaves a Job without a TTL', objects: [job({})], secondsLater: 3600, actions: [] },
  { name: 'leaves a running Job', objects: [job({ ttlSecondsAfterFinished: 0 }, {})], secondsLater: 3600, actions: [] },
  { name: 'leaves a Job already being deleted', objects: [job({ ttlSecondsAfterFinished: 0 }, finished('Complete'), true)], secondsLater: 3600, actions: [] },
  { name: 'nothing for a Job that is gone', objects: [], secondsLater: 3600, actions: [] },
];

describe('TTL-after-finished controller sync', () => {
  it.each(rows)('$name', async (row) => {
    const ctx = new FakeContext(new ManualClock(Date.parse(FINISHED) + row.secondsLater * 1000));
    ctx.seed(...row.objects);
    const controller = new TTLAfterFinishedController(ctx);
    await controller.sync('default/done');
    controller.stop(); // the requeue for a TTL still running
    expect(ctx.fakeClient.lines()).toEqual(row.actions);
  });

  it('deletes in the foreground, on condition the Job is the one it saw', async () => {
    const ctx = new FakeContext(new ManualClock(Date.parse(FINISHED)));
    ctx.seed(job({ ttlSecondsAfterFinished: 0 }));
    await new TTLAfterFinishedController(ctx).sync('default/done');
    expect(ctx.fakeClient.actions[0]?.options).toEqual({ propagationPolicy: 'Foreground', preconditions: { uid: 'uid-done' } });
  });
});
