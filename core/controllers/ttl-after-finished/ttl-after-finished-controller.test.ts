import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import { startTestCluster, type TestCluster } from '../../../test/support/batch-cluster';
import { TTLAfterFinishedController, timeLeft } from './ttl-after-finished-controller';

let t: TestCluster;
let controller: TTLAfterFinishedController;
const ns = 'default';

beforeEach(async () => {
  t = await startTestCluster();
  controller = new TTLAfterFinishedController(t.cluster.context);
  controller.start();
});

afterEach(async () => {
  controller.stop();
  await t.stop();
});

const job = (name: string) => t.cluster.registry.storeFor('batch', 'jobs')!.find(ns, name)?.object as Kube<Job> | undefined;

async function finishedJob(name: string, ttl: number | undefined, type: 'Complete' | 'Failed') {
  await t.client.create<Job>('batch', 'jobs', ns, {
    metadata: { name },
    spec: { ttlSecondsAfterFinished: ttl, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
  });
  const now = timestamp(t.clock.now());
  await t.client.updateStatus<Job>('batch', 'jobs', ns, name, (j) => {
    j.status = { startTime: now, conditions: [{ type, status: 'True', lastTransitionTime: now }], ...(type === 'Complete' ? { completionTime: now } : {}) };
  });
}

// Whole-cluster story; the controller's cases one by one are on fakes in ttl-after-finished-sync.test.ts.
describe('TTLAfterFinishedController', () => {
  it.each(['Complete', 'Failed'] as const)('deletes a %s Job ttlSecondsAfterFinished after it finished, in the foreground', async (type) => {
    await finishedJob('done', 60, type);
    t.clock.advance(59_000);
    await t.waitFor(() => true);
    expect(job('done')?.metadata.deletionTimestamp).toBeUndefined();
    t.clock.advance(1_000);
    // Foreground deletion: the Job waits (here for ever, with no garbage collector) on its dependents.
    const deleting = await t.waitFor(() => (job('done')?.metadata.deletionTimestamp ? job('done') : undefined), 'deletion');
    expect(deleting.metadata.finalizers).toContain('foregroundDeletion');
  });

  it('computes the time left from the finishing condition', () => {
    const j: Job = {
      spec: { ttlSecondsAfterFinished: 100, template: {} },
      status: { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
    };
    expect(timeLeft(j, new Date('2026-01-01T00:01:00Z'))).toBe(40_000);
    expect(timeLeft({ ...j, status: {} }, new Date())).toBeUndefined();
  });
});
