// The Deployment controller's writes (pkg/controller/deployment/sync.go): finding or creating
// the new ReplicaSet with its revision, scaling ReplicaSets with their annotations and events,
// proportional scaling, cleaning up old revisions, and writing status.
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Kube, ObjectMeta } from '../../machinery/object';
import { ApiError } from '../../machinery/status';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import type { Informer } from '../../client/informer';
import type { Clock } from '../../client/clock';
import type { EventRecorder } from '../../client/event-recorder';
import { newControllerRef } from '../replicaset/controller-ref';
import {
  DESIRED_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  intAnnotation,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './annotations';
import { REASONS, getCondition, hasProgressDeadline, newCondition, setCondition } from './conditions';
import { computeHash } from './hash';
import { isRollingUpdate, maxSurge, newRSNewReplicas, proportion, replicasOf, rsReplicas, sumReplicas } from './replica-math';
import { HASH_LABEL, byRevision, bySizeNewer, bySizeOlder, filterActive, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets, type RS } from './replica-sets';
import { calculateStatus, progressCheckDelay, rolloutStatus } from './status';

export type D = Kube<Deployment>;

const REVISION_LIMIT_ALL = 2147483647;

export interface SyncDeps {
  client: Client;
  replicaSets: Informer<ReplicaSet>;
  recorder: EventRecorder;
  clock: Clock;
  /** Looks at the Deployment again after ms (a progress deadline falling due). */
  requeueAfter(d: D, ms: number): void;
}

export class DeploymentSync {
  constructor(private readonly deps: SyncDeps) {}

  private get now(): Date {
    return this.deps.clock.now();
  }

  /** The new ReplicaSet (created when asked and missing) and all the old ones, revisions in step. */
  async replicaSetsAndSyncRevision(d: D, sets: RS[], create: boolean): Promise<{ newRS?: RS; oldRSs: RS[] }> {
    const oldRSs = findOldReplicaSets(d, sets);
    const newRS = await this.newReplicaSet(d, sets, oldRSs, create);
    return { newRS, oldRSs };
  }

  private async newReplicaSet(d: D, sets: RS[], oldRSs: RS[], create: boolean): Promise<RS | undefined> {
    const existing = findNewReplicaSet(d, sets);
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const copy = structuredClone(existing);
      const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true, maxSurge(d));
      const minReadySeconds = d.spec?.minReadySeconds ?? 0;
      if (annotationsChanged || (copy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
        return this.deps.client.update<ReplicaSet>('apps', 'replicasets', copy.metadata.namespace, copy.metadata.name!, (rs) => {
          rs.metadata.annotations = copy.metadata.annotations;
          rs.spec = { ...rs.spec!, minReadySeconds };
          if (!minReadySeconds) delete rs.spec.minReadySeconds;
        });
      }
      let statusChanged = false;
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        setCondition((d.status ??= {}), newCondition('Progressing', 'True', REASONS.foundNewRS, `Found new replica set "${copy.metadata.name}"`, this.now));
        statusChanged = true;
      }
      await this.setRevision(d, copy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
      if (statusChanged) await this.writeStatus(d, d.status!);
      return copy;
    }
    if (!create) return undefined;
    return this.createNewReplicaSet(d, oldRSs, newRevision);
  }

  private async createNewReplicaSet(d: D, oldRSs: RS[], newRevision: number): Promise<RS | undefined> {
    const template = structuredClone(d.spec!.template);
    const hash = computeHash(template, d.status?.collisionCount);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
    const selector = structuredClone(d.spec!.selector);
    selector.matchLabels = { ...selector.matchLabels, [HASH_LABEL]: hash };
    const rs: RS = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      },
      spec: {
        replicas: 0,
        ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector,
        template,
      },
    };
    rs.spec!.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    setNewReplicaSetAnnotations(d, rs, newRevision, false, maxSurge(d));

    let created: RS;
    let alreadyExisted = false;
    try {
      created = await this.deps.client.create<ReplicaSet>('apps', 'replicasets', d.metadata.namespace, rs);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 409 || e.reason !== 'AlreadyExists') return this.failedCreate(d, rs, e);
      const found = this.deps.replicaSets.get(d.metadata.namespace, rs.metadata.name!);
      const ours = found?.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid);
      if (!found || !ours || findNewReplicaSet(d, [found]) === undefined) {
        // A hash collision: bump collisionCount so the next sync computes another name.
        const status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
        await this.writeStatus(d, status);
        throw e;
      }
      created = found;
      alreadyExisted = true;
    }
    const replicas = rsReplicas(created);
    if (!alreadyExisted && replicas > 0) {
      this.deps.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    }
    await this.setRevision(d, String(newRevision));
    if (!alreadyExisted && hasProgressDeadline(d)) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'True', REASONS.newReplicaSet, `Created new replica set "${created.metadata.name}"`, this.now));
      await this.writeStatus(d, d.status);
    }
    return created;
  }

  private async failedCreate(d: D, rs: RS, e: unknown): Promise<never> {
    if (e instanceof ApiError && e.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) throw e;
    const message = `Failed to create new replica set "${rs.metadata.name}": ${e instanceof Error ? e.message : String(e)}`;
    if (hasProgressDeadline(d)) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'False', REASONS.failedRSCreate, message, this.now));
      await this.writeStatus(d, d.status).catch(() => undefined);
    }
    this.deps.recorder.event(d, 'Warning', REASONS.failedRSCreate, message);
    throw e;
  }

  /**
   * Puts the revision on the Deployment. Kubernetes writes it through /status, whose strategy
   * keeps annotations; this API server's /status keeps only status, so it goes through the
   * main resource (which also moves generation on).
   */
  private async setRevision(d: D, revision: string): Promise<void> {
    if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return;
    // Through /status, as kube-controller-manager: the annotation does not bump generation.
    const updated = await this.deps.client.updateStatus<Deployment>('apps', 'deployments', d.metadata.namespace, d.metadata.name!, (cur) => {
      if (cur.metadata.uid !== d.metadata.uid) return cur;
      cur.metadata.annotations = { ...cur.metadata.annotations, [REVISION_ANNOTATION]: revision };
    });
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION_ANNOTATION]: revision };
    const meta: ObjectMeta = d.metadata;
    meta.generation = updated.metadata.generation;
    meta.resourceVersion = updated.metadata.resourceVersion;
  }

  async writeStatus(d: D, status: DeploymentStatus): Promise<void> {
    d.status = status;
    await this.deps.client.updateStatus<Deployment>('apps', 'deployments', d.metadata.namespace, d.metadata.name!, (cur) => {
      if (cur.metadata.uid !== d.metadata.uid) return cur;
      cur.status = status;
    });
  }

  /** Proportional scaling when the Deployment's size changed (or it is paused). */
  async scale(d: D, newRS: RS | undefined, oldRSs: RS[]): Promise<void> {
    const want = replicasOf(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (rsReplicas(activeOrLatest) !== want) await this.scaleAndRecord(activeOrLatest, want, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) await this.scaleAndRecord(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = filterActive([...oldRSs, newRS]);
    const allowed = want > 0 ? want + maxSurge(d) : 0;
    const toAdd = allowed - sumReplicas(all);
    const direction = toAdd > 0 ? 'up' : 'down';
    if (toAdd > 0) all.sort(bySizeNewer);
    else if (toAdd < 0) all.sort(bySizeOlder);
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      const p = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
      sizes.set(rs.metadata.name!, rsReplicas(rs) + p);
      added += p;
    }
    for (const [i, rs] of all.entries()) {
      let size = sizes.get(rs.metadata.name!)!;
      // Leftovers go to the largest set.
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      await this.scaleReplicaSet(rs, size, d, direction);
    }
  }

  async scaleAndRecord(rs: RS, size: number, d: D): Promise<{ scaled: boolean; rs: RS }> {
    if (rsReplicas(rs) === size) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, size, d, rsReplicas(rs) < size ? 'up' : 'down');
  }

  private async scaleReplicaSet(rs: RS, size: number, d: D, direction: 'up' | 'down'): Promise<{ scaled: boolean; rs: RS }> {
    const from = rsReplicas(rs);
    const desired = replicasOf(d);
    const max = desired + maxSurge(d);
    if (from === size && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const updated = await this.deps.client.update<ReplicaSet>('apps', 'replicasets', rs.metadata.namespace, rs.metadata.name!, (cur) => {
      cur.spec = { ...cur.spec!, replicas: size };
      setReplicasAnnotations(cur, desired, max);
    });
    if (from === size) return { scaled: false, rs: updated };
    this.deps.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${size}`);
    return { scaled: true, rs: updated };
  }

  /** Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
  async cleanup(d: D, oldRSs: RS[]): Promise<void> {
    const limit = d.spec?.revisionHistoryLimit;
    if (limit === undefined || limit === REVISION_LIMIT_ALL) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
    const excess = cleanable.length - limit;
    for (const rs of cleanable.slice(0, Math.max(0, excess))) {
      const idle = (rs.status?.replicas ?? 0) === 0 && rsReplicas(rs) === 0 && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
      if (!idle) continue;
      await this.deps.client.delete('apps', 'replicasets', rs.metadata.namespace, rs.metadata.name!);
    }
  }

  /** Writes the plain status (scaling, paused): no progress estimate. */
  async syncStatus(d: D, allRSs: RS[], newRS: RS | undefined): Promise<void> {
    const status = calculateStatus(d, allRSs, newRS, this.now);
    if (!deepEqual(d.status ?? {}, status)) await this.writeStatus(d, status);
  }

  /** Writes the status of a rollout, with Progressing; schedules the deadline check. */
  async syncRolloutStatus(d: D, allRSs: RS[], newRS: RS | undefined): Promise<void> {
    const status = rolloutStatus(d, allRSs, newRS, this.now);
    if (!deepEqual(d.status ?? {}, status)) return this.writeStatus(d, status);
    const delay = progressCheckDelay(d, status, this.now);
    if (delay !== undefined) this.deps.requeueAfter(d, delay);
  }

  /** Progressing=Unknown DeploymentPaused/DeploymentResumed, so a pause never counts as a stall. */
  async checkPausedConditions(d: D): Promise<void> {
    if (!hasProgressDeadline(d)) return;
    const current = getCondition(d.status, 'Progressing');
    if (current?.reason === REASONS.timedOut) return;
    const pausedNoted = current?.reason === REASONS.paused;
    const paused = !!d.spec?.paused;
    if (paused === pausedNoted) return;
    const status = structuredClone(d.status ?? {});
    const [reason, message] = paused ? [REASONS.paused, 'Deployment is paused'] : [REASONS.resumed, 'Deployment is resumed'];
    setCondition(status, newCondition('Progressing', 'Unknown', reason, message, this.now));
    await this.writeStatus(d, status);
  }

  /** A scaling event: some active set was sized for a different replica count. */
  isScalingEvent(d: D, newRS: RS | undefined, oldRSs: RS[]): boolean {
    return filterActive([...oldRSs, newRS]).some((rs) => {
      const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
      return desired !== undefined && desired !== replicasOf(d);
    });
  }
}

/** The new set holds, and is meant to hold, every replica, all available. */
export function isSaturated(d: Deployment, rs: RS | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  return rsReplicas(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}
