// The Job controller (kube-controller-manager's job controller, v1.32): runs a Job's pods to
// completion. Pods carry the job-tracking finalizer until the controller has counted them:
// finished pods go first into status.uncountedTerminatedPods, their finalizers are removed,
// then they move into succeeded/failed. Terminal conditions come in two steps
// (SuccessCriteriaMet or FailureTarget first, Complete or Failed once no pod is left running).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import { isNotFound, type Client } from '../../client/client';
import { timestamp } from '../../client/clock';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { nextBackoffRecord, remainingBackoffMs, type BackoffRecord } from './backoff';
import { ensureCondition, findCondition, isJobFinished, newCondition } from './conditions';
import { completionIndex, duplicateIndexPods, firstPendingIndexes, formatIndexes, parseIndexes } from './indexes';
import { matchPodFailurePolicy } from './pod-failure-policy';
import {
  compareForRemoval,
  hasTrackingFinalizer,
  isActive,
  isPodFailed,
  isReady,
  isTerminating,
  onlyReplaceFailedPods,
  trackingFinalizer,
} from './pod-state';
import { podForJob } from './pod-template';

type JobObj = Kube<Job>;
type PodObj = Kube<Pod>;

/** Most pods created, deleted or counted in one sync, so big Jobs do not starve others. */
const maxPodsPerSync = 500;
const jobControllerName = 'kubernetes.io/job-controller';

/** What one sync learned about a Job; job is a private copy whose status gets written. */
interface SyncState {
  key: string;
  job: JobObj;
  pods: PodObj[];
  active: PodObj[];
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  succeeded: number;
  failed: number;
  /** Indexed Jobs: indexes counted before this sync, and all succeeded ones. */
  prevSucceededIndexes: Set<number>;
  succeededIndexes: Set<number>;
  finished?: JobCondition;
  terminating: number;
  ready: number;
  backoff: BackoffRecord;
  now: Date;
}

const isIndexed = (job: Job) => job.spec?.completionMode === 'Indexed';
const isSuspended = (job: Job) => job.spec?.suspend === true;
const uidOf = (p: PodObj) => p.metadata.uid!;

function controllerOf(obj: PodObj) {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/** restartPolicy OnFailure: container restarts of running pods count against backoffLimit. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec?.template.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += s.restartCount;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Zero counters and empty lists are omitted, as the API's omitempty fields are. */
function tidyStatus(status: NonNullable<Job['status']>): NonNullable<Job['status']> {
  const s = structuredClone(status);
  for (const k of ['active', 'succeeded', 'failed'] as const) if (!s[k]) delete s[k];
  if (!s.completedIndexes) delete s.completedIndexes;
  const u = s.uncountedTerminatedPods;
  if (u && !u.succeeded?.length) delete u.succeeded;
  if (u && !u.failed?.length) delete u.failed;
  return s;
}

export class JobController implements Controller {
  readonly name = 'job-controller';
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  /** Pods whose Job is gone or finished but which still carry the tracking finalizer. */
  private readonly orphans: WorkQueue;
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.jobs = ctx.informer<Job>('batch', 'jobs');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client(this.name);
    this.recorder = ctx.recorder(this.name);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 4);
    this.orphans = new WorkQueue(ctx.clock, (key) => this.syncOrphanPod(key), 2);
  }

  start(): void {
    this.unsubscribe.push(
      this.jobs.on({
        add: (job) => this.queue.add(keyOf(job)),
        update: (job) => {
          this.queue.add(keyOf(job));
          if (isJobFinished(job)) this.releasePods(job);
        },
        delete: (job) => {
          this.queue.add(keyOf(job));
          this.releasePods(job);
        },
      }),
      this.pods.on({ add: (p) => this.onPod(p), update: (p) => this.onPod(p), delete: (p) => this.onPod(p, true) }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.queue.stop();
    this.orphans.stop();
  }

  private ownerOf(pod: PodObj): JobObj | undefined {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return undefined;
    const job = this.jobs.get(pod.metadata.namespace, ref.name);
    return job?.metadata.uid === ref.uid ? job : undefined;
  }

  private onPod(pod: PodObj, deleted = false): void {
    const job = this.ownerOf(pod);
    if (job && !isJobFinished(job)) this.queue.add(keyOf(job));
    else if (!deleted && hasTrackingFinalizer(pod)) this.orphans.add(keyOf(pod));
  }

  /** Queues the finalizer removal of pods a finished or deleted Job still holds. */
  private releasePods(job: JobObj): void {
    for (const p of this.pods.list(job.metadata.namespace)) {
      if (controllerOf(p)?.uid === job.metadata.uid && hasTrackingFinalizer(p)) this.orphans.add(keyOf(p));
    }
  }

  private async syncOrphanPod(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const pod = this.pods.get(ns, name);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerOf(pod);
    if (ref && (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1')) return;
    const job = this.ownerOf(pod);
    if (job && !isJobFinished(job)) return;
    await this.removeFinalizer(pod);
  }

  private async removeFinalizer(pod: PodObj): Promise<void> {
    try {
      await this.client.update<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (cur) => {
        if (cur.metadata.uid !== pod.metadata.uid) return;
        const rest = (cur.metadata.finalizers ?? []).filter((f) => f !== trackingFinalizer);
        cur.metadata.finalizers = rest.length ? rest : undefined;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** syncJob: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const cached = this.jobs.get(ns, name);
    if (!cached || isJobFinished(cached)) {
      this.backoffs.delete(key);
      return;
    }
    const managedBy = cached.spec?.managedBy;
    if (managedBy && managedBy !== jobControllerName) return;
    const job = structuredClone(cached) as JobObj;
    const status = (job.status ??= {});
    status.uncountedTerminatedPods ??= {};
    const now = this.ctx.clock.now();
    const pods = this.pods.list(ns).filter((p) => controllerOf(p)?.uid === job.metadata.uid);
    const active = pods.filter(isActive);
    const completions = job.spec?.completions ?? 0;
    const prevSucceededIndexes = isIndexed(job) ? parseIndexes(status.completedIndexes, completions) : new Set<number>();
    const s: SyncState = {
      key,
      job,
      pods,
      active,
      uncounted: {
        succeeded: new Set(status.uncountedTerminatedPods.succeeded ?? []),
        failed: new Set(status.uncountedTerminatedPods.failed ?? []),
      },
      succeeded: 0,
      failed: 0,
      prevSucceededIndexes,
      succeededIndexes: prevSucceededIndexes,
      terminating: pods.filter(isTerminating).length,
      ready: active.filter(isReady).length,
      backoff: { failuresAfterLastSuccess: 0 },
      now,
    };
    const newSucceeded = this.newlyFinished(s, s.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded');
    const newFailed = this.newlyFinished(s, s.uncounted.failed, (p) => isPodFailed(p, job));
    const policy = job.spec?.podFailurePolicy;
    const countedNewFailures = policy ? newFailed.filter((p) => matchPodFailurePolicy(policy, p).countFailed).length : newFailed.length;
    s.succeeded = (status.succeeded ?? 0) + newSucceeded.length + s.uncounted.succeeded.size;
    s.failed = (status.failed ?? 0) + countedNewFailures + s.uncounted.failed.size;
    if (!status.startTime && !isSuspended(job)) status.startTime = timestamp(now);
    s.backoff = nextBackoffRecord(this.backoffs.get(key), newSucceeded, newFailed);
    s.finished = this.finishingCondition(s);
    if (isIndexed(job)) {
      const done = pods.filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p)).map(completionIndex);
      s.succeededIndexes = new Set([...prevSucceededIndexes, ...done.filter((ix): ix is number => ix !== undefined && ix < completions)]);
      s.succeeded = s.succeededIndexes.size;
    }

    let activeCount = active.length;
    let suspendChanged = false;
    if (s.finished) {
      const r = await this.deletePods(job, active, false);
      if (r.deleted !== active.length) s.finished = undefined;
      activeCount -= r.deleted;
      s.terminating += r.deleted;
      s.ready -= r.deletedReady;
    } else {
      const managed = !job.metadata.deletionTimestamp;
      if (managed) activeCount = await this.manageJob(s);
      const complete = job.spec?.completions === undefined ? s.succeeded > 0 && activeCount === 0 : s.succeeded >= completions && activeCount === 0;
      if (complete) s.finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
      else if (managed) suspendChanged = this.updateSuspended(job, now);
    }
    const needsUpdate = suspendChanged || activeCount !== (status.active ?? 0) || s.ready !== status.ready || s.terminating !== status.terminating;
    status.active = activeCount;
    status.ready = s.ready;
    status.terminating = s.terminating;
    await this.trackStatusAndRemoveFinalizers(s, needsUpdate);
  }

  /** Finished pods not yet counted: they still hold the finalizer and are not in the uncounted list. */
  private newlyFinished(s: SyncState, uncounted: Set<string>, finished: (p: PodObj) => boolean): PodObj[] {
    const completions = s.job.spec?.completions ?? 0;
    return s.pods.filter((p) => {
      if (!hasTrackingFinalizer(p) || uncounted.has(uidOf(p))) return false;
      if (isIndexed(s.job)) {
        const ix = completionIndex(p);
        if (ix === undefined || ix >= completions) return false;
      }
      return finished(p);
    });
  }

  /** The condition that ends the Job in this sync, if any; arms the activeDeadlineSeconds timer otherwise. */
  private finishingCondition(s: SyncState): JobCondition | undefined {
    const { job, now } = s;
    const met = findCondition(job, 'SuccessCriteriaMet');
    if (met?.status === 'True') return met;
    const target = findCondition(job, 'FailureTarget');
    if (target?.status === 'True') return newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
    const policy = job.spec?.podFailurePolicy;
    if (policy) {
      for (const p of s.pods) {
        const message = isPodFailed(p, job) ? matchPodFailurePolicy(policy, p).failJobMessage : undefined;
        if (message) return newCondition('FailureTarget', 'True', 'PodFailurePolicy', message, now);
      }
    }
    if (s.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, s.pods)) {
      return newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    }
    const deadline = job.spec?.activeDeadlineSeconds;
    const start = job.status?.startTime;
    if (deadline === undefined || !start || isSuspended(job)) return undefined;
    const left = deadline * 1000 - (now.getTime() - Date.parse(start));
    if (left <= 0) return newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    this.queue.addAfter(s.key, left);
    return undefined;
  }

  /** Creates or deletes pods towards the wanted number of active pods; returns the new active count. */
  private async manageJob(s: SyncState): Promise<number> {
    const { job } = s;
    let active = s.active.length;
    if (isSuspended(job)) {
      const r = await this.deletePods(job, this.podsForRemoval(job, s.active, active), true);
      s.terminating += r.deleted;
      s.ready -= r.deletedReady;
      return active - r.deleted;
    }
    const parallelism = job.spec?.parallelism ?? 1;
    const completions = job.spec?.completions;
    const want =
      completions === undefined ? (s.succeeded > 0 ? active : parallelism) : Math.max(0, Math.min(parallelism, completions - s.succeeded));
    const remove = this.podsForRemoval(job, s.active, Math.max(0, active - want)).slice(0, maxPodsPerSync);
    if (remove.length) {
      const r = await this.deletePods(job, remove, true);
      s.terminating += r.deleted;
      s.ready -= r.deletedReady;
      return active - r.deleted;
    }
    const terminating = onlyReplaceFailedPods(job) ? s.terminating : 0;
    const diff = Math.min(want - terminating - active, maxPodsPerSync);
    if (diff <= 0) return active;
    const wait = remainingBackoffMs(s.backoff, s.now.getTime());
    if (wait > 0) {
      this.queue.addAfter(s.key, Math.max(wait, 1000));
      return active;
    }
    let indexes: Array<number | undefined> = Array.from({ length: diff }, () => undefined);
    if (isIndexed(job)) {
      const running = s.active.map(completionIndex).filter((ix): ix is number => ix !== undefined);
      indexes = firstPendingIndexes(diff, completions ?? 0, new Set([...s.succeededIndexes, ...running]));
    }
    active += await this.createPods(job, indexes);
    return active;
  }

  /** Indexed Jobs first drop pods with bad or repeated indexes; then the cheapest pods to lose go. */
  private podsForRemoval(job: JobObj, active: PodObj[], atLeast: number): PodObj[] {
    const remove = isIndexed(job) ? duplicateIndexPods(active, job.spec?.completions ?? 0, compareForRemoval) : [];
    if (remove.length >= atLeast) return remove;
    const left = active.filter((p) => !remove.includes(p)).sort(compareForRemoval);
    return [...remove, ...left.slice(0, atLeast - remove.length)];
  }

  /** Creates pods in batches of 1, 2, 4, ... stopping after a batch with a failure; returns how many were created. */
  private async createPods(job: JobObj, indexes: Array<number | undefined>): Promise<number> {
    let created = 0;
    for (let at = 0, batch = 1; at < indexes.length; at += batch, batch *= 2) {
      const results = await Promise.all(indexes.slice(at, at + batch).map((ix) => this.createPod(job, ix)));
      created += results.filter(Boolean).length;
      if (results.includes(false)) break;
    }
    return created;
  }

  private async createPod(job: JobObj, index: number | undefined): Promise<boolean> {
    try {
      const pod = await this.client.create<Pod>('', 'pods', job.metadata.namespace, podForJob(job, index));
      this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      return true;
    } catch (e) {
      const terminating = e instanceof ApiError && JSON.stringify(e).includes('NamespaceTerminating');
      if (!terminating) this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Deletes pods (dropping their finalizer first when they need no counting); returns how many went and how many were ready. */
  private async deletePods(job: JobObj, pods: PodObj[], dropFinalizer: boolean): Promise<{ deleted: number; deletedReady: number }> {
    const results = await Promise.all(
      pods.map(async (p) => {
        try {
          if (dropFinalizer) await this.removeFinalizer(p);
          await this.client.delete('', 'pods', p.metadata.namespace, p.metadata.name!, { preconditions: { uid: p.metadata.uid } });
          this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
          return true;
        } catch (e) {
          this.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${e instanceof Error ? e.message : String(e)}`);
          return false;
        }
      }),
    );
    const deleted = pods.filter((_, i) => results[i]);
    return { deleted: deleted.length, deletedReady: deleted.filter(isReady).length };
  }

  /** The Suspended condition follows spec.suspend; resuming restarts the activeDeadlineSeconds clock. */
  private updateSuspended(job: JobObj, now: Date): boolean {
    if (isSuspended(job)) {
      const changed = ensureCondition(job, newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', now));
      if (changed) this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
      return changed;
    }
    const changed = ensureCondition(job, newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', now));
    if (changed) {
      this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
      job.status!.startTime = timestamp(now);
    }
    return changed;
  }

  /**
   * Records finished pods in status.uncountedTerminatedPods, removes their finalizers, moves
   * them into the counters, and adds the final condition once nothing is left uncounted or
   * terminating.
   */
  private async trackStatusAndRemoveFinalizers(s: SyncState, needsUpdate: boolean): Promise<void> {
    const { job } = s;
    const status = job.status!;
    const uncounted = status.uncountedTerminatedPods!;
    const indexed = isIndexed(job);
    const completions = job.spec?.completions ?? 0;
    const withFinalizer = new Set(s.pods.filter(hasTrackingFinalizer).map(uidOf));
    let flush = this.countReleased(status, withFinalizer) || needsUpdate;
    const release: PodObj[] = [];
    const newIndexes: number[] = [];
    let reachedMax = false;
    const pods = indexed ? [...s.pods].sort((a, b) => (completionIndex(a) ?? -1) - (completionIndex(b) ?? -1)) : s.pods;
    for (const pod of pods) {
      if (!hasTrackingFinalizer(pod)) continue;
      const failed = isPodFailed(pod, job);
      const succeeded = pod.status?.phase === 'Succeeded';
      if (!job.metadata.deletionTimestamp && !s.finished && !succeeded && !failed) continue;
      release.push(pod);
      const uid = uidOf(pod);
      const ix = completionIndex(pod);
      const validIndex = ix !== undefined && ix < completions;
      if (succeeded && !s.uncounted.failed.has(uid)) {
        if (indexed) {
          if (ix !== undefined && validIndex && !s.prevSucceededIndexes.has(ix)) {
            newIndexes.push(ix);
            flush = true;
          }
        } else if (!s.uncounted.succeeded.has(uid)) {
          (uncounted.succeeded ??= []).push(uid);
          flush = true;
        }
      } else if (failed || (s.finished && s.finished.type !== 'SuccessCriteriaMet')) {
        const policy = job.spec?.podFailurePolicy;
        const counted = !policy || matchPodFailurePolicy(policy, pod).countFailed;
        if (!s.uncounted.failed.has(uid) && (!indexed || validIndex) && counted) {
          (uncounted.failed ??= []).push(uid);
          flush = true;
        }
      }
      if (newIndexes.length + (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= maxPodsPerSync) {
        reachedMax = true;
        break;
      }
    }
    if (indexed) {
      const all = new Set([...s.succeededIndexes, ...newIndexes]);
      const text = formatIndexes(all);
      flush ||= text !== (status.completedIndexes ?? '');
      status.succeeded = all.size;
      status.completedIndexes = text;
    }
    if (s.finished?.type === 'FailureTarget') {
      (status.conditions ??= []).push(s.finished);
      flush = true;
      s.finished = newCondition('Failed', 'True', s.finished.reason ?? '', s.finished.message ?? '', s.now);
    }
    if (s.finished?.type === 'SuccessCriteriaMet') {
      if (!findCondition(job, 'SuccessCriteriaMet')) {
        (status.conditions ??= []).push(s.finished);
        flush = true;
      }
      s.finished = newCondition('Complete', 'True', s.finished.reason ?? '', s.finished.message ?? '', s.now);
    }

    if (flush) {
      await this.writeStatus(job);
      this.backoffs.set(s.key, s.backoff);
      flush = false;
    }
    const removed = await Promise.allSettled(release.map((p) => this.removeFinalizer(p)));
    removed.forEach((r, i) => r.status === 'fulfilled' && withFinalizer.delete(uidOf(release[i]!)));
    flush = this.countReleased(status, withFinalizer);
    const failure = removed.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      if (flush) await this.writeStatus(job);
      throw failure.reason;
    }
    const finished = !reachedMax && this.enactFinished(s);
    if (flush || finished) await this.writeStatus(job);
    if (finished) this.recordFinished(job, s.finished!);
  }

  /** Moves uncounted pods whose finalizer is gone into the succeeded and failed counters. */
  private countReleased(status: NonNullable<Job['status']>, withFinalizer: Set<string>): boolean {
    const u = (status.uncountedTerminatedPods ??= {});
    const keepS = (u.succeeded ?? []).filter((uid) => withFinalizer.has(uid));
    const keepF = (u.failed ?? []).filter((uid) => withFinalizer.has(uid));
    const countedS = (u.succeeded?.length ?? 0) - keepS.length;
    const countedF = (u.failed?.length ?? 0) - keepF.length;
    status.succeeded = (status.succeeded ?? 0) + countedS;
    status.failed = (status.failed ?? 0) + countedF;
    u.succeeded = keepS;
    u.failed = keepF;
    return countedS + countedF > 0;
  }

  /** Adds Complete or Failed once no finished pod is uncounted and none is still terminating. */
  private enactFinished(s: SyncState): boolean {
    const status = s.job.status!;
    const u = status.uncountedTerminatedPods;
    if (!s.finished || (u?.succeeded?.length ?? 0) + (u?.failed?.length ?? 0) > 0 || s.terminating > 0) return false;
    const c = newCondition(s.finished.type as 'Complete' | 'Failed', 'True', s.finished.reason ?? '', s.finished.message ?? '', this.ctx.clock.now());
    ensureCondition(s.job, c);
    if (c.type === 'Complete') status.completionTime = c.lastTransitionTime;
    return true;
  }

  private recordFinished(job: JobObj, condition: JobCondition): void {
    if (condition.type !== 'Complete') {
      this.recorder.event(job, 'Warning', condition.reason ?? '', condition.message ?? '');
      return;
    }
    const completions = job.spec?.completions;
    if (completions !== undefined && (job.status?.succeeded ?? 0) > completions) {
      this.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    }
    this.recorder.event(job, 'Normal', 'Completed', 'Job completed');
  }

  private async writeStatus(job: JobObj): Promise<void> {
    const status = tidyStatus(job.status!);
    await this.client.updateStatus<Job>('batch', 'jobs', job.metadata.namespace, job.metadata.name!, (cur) => {
      if (cur.metadata.uid !== job.metadata.uid) throw new Error(`job ${keyOf(job)} was replaced`);
      cur.status = status;
    });
  }
}
