// The TTL-after-finished controller (kube-controller-manager's ttlafterfinished): deletes a
// finished Job spec.ttlSecondsAfterFinished after its Complete or Failed condition, with
// foreground propagation (its pods go first) and a UID precondition.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { finishedCondition } from '../job/conditions';

type JobObj = Kube<Job>;

const needsCleanup = (job: Job) => job.spec?.ttlSecondsAfterFinished !== undefined && finishedCondition(job) !== undefined;

/** Milliseconds until the Job expires (<= 0: expired), or undefined when it has no TTL or has not finished. */
export function timeLeft(job: Job, now: Date): number | undefined {
  if (!needsCleanup(job)) return undefined;
  const finishedAt = finishedCondition(job)?.lastTransitionTime;
  if (!finishedAt) throw new Error(`unable to find the time when the Job ${job.metadata?.namespace}/${job.metadata?.name} finished`);
  return Date.parse(finishedAt) + job.spec!.ttlSecondsAfterFinished! * 1000 - now.getTime();
}

export class TTLAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller';
  private readonly jobs: Informer<Job>;
  private readonly client: Client;
  private readonly queue: WorkQueue;
  private unsubscribe?: () => void;

  constructor(private readonly ctx: ControllerContext) {
    this.jobs = ctx.informer<Job>('batch', 'jobs');
    this.client = ctx.client(this.name);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 2);
  }

  start(): void {
    const enqueue = (job: JobObj) => {
      if (!job.metadata.deletionTimestamp && needsCleanup(job)) this.queue.add(keyOf(job));
    };
    this.unsubscribe = this.jobs.on({ add: enqueue, update: enqueue });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue.stop();
  }

  /** processJob: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const job = this.jobs.get(ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const left = timeLeft(job, this.ctx.clock.now());
    if (left === undefined) return;
    if (left > 0) {
      this.queue.addAfter(key, left);
      return;
    }
    await this.client.delete('batch', 'jobs', ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
  }
}
