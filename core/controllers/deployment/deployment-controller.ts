// The Deployment controller (pkg/controller/deployment): owns ReplicaSets, one per pod
// template, and moves replicas from the old ones to the new one as the strategy says. Paused
// and scaled Deployments are only resized proportionally; status and conditions follow.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../machinery/object';
import { LabelSelectorError, labelSelectorMatches, matchesLabels, selectorFromLabelSelector } from '../../machinery/selectors/label-selector';
import { deepEqual } from '../../machinery/json-value';
import { isNotFound, type Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { addControllerRef, claim, controllerOf, newControllerRef, removeOwnerRef } from '../replicaset/controller-ref';
import { rolloutRecreate } from './recreate';
import type { RS } from './replica-sets';
import { rolloutRolling } from './rolling';
import { DeploymentSync, type D } from './sync';

const COMPONENT = 'deployment-controller';
const WORKERS = 5;

export class DeploymentController implements Controller {
  readonly name = COMPONENT;
  private readonly queue: WorkQueue;
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly syncer: DeploymentSync;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), WORKERS);
    this.deployments = ctx.informer<Deployment>('apps', 'deployments');
    this.replicaSets = ctx.informer<ReplicaSet>('apps', 'replicasets');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client(COMPONENT);
    this.recorder = ctx.recorder(COMPONENT);
    this.syncer = new DeploymentSync({ client: this.client, replicaSets: this.replicaSets, recorder: this.recorder, clock: ctx.clock, requeueAfter: (d, ms) => this.queue.addAfter(keyOf(d), ms) });
  }

  start(): void {
    const enqueue = (d: KubeObject) => this.queue.add(keyOf(d));
    this.unsubscribe.push(
      this.deployments.on({ add: enqueue, update: enqueue, delete: enqueue }),
      this.replicaSets.on({
        add: (rs) => this.replicaSetChanged(rs),
        update: (rs, old) => this.replicaSetChanged(rs, old),
        delete: (rs) => this.ownerOf(rs).forEach(enqueue),
      }),
      this.pods.on({ delete: (p) => this.podDeleted(p) }, false),
    );
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((off) => off());
    this.queue.stop();
  }

  /** The Deployment a controllerRef names, if it still is that object. */
  private ownerOf(rs: KubeObject): Array<KubeObject & Deployment> {
    const ref = controllerOf(rs);
    if (!ref || ref.kind !== 'Deployment') return [];
    const d = this.deployments.get(rs.metadata.namespace, ref.name);
    return d?.metadata.uid === ref.uid ? [d] : [];
  }

  private replicaSetChanged(rs: KubeObject, old?: KubeObject): void {
    const enqueue = (d: KubeObject) => this.queue.add(keyOf(d));
    if (old && old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
    const ref = controllerOf(rs);
    if (old && controllerOf(old) && controllerOf(old)?.uid !== ref?.uid) this.ownerOf(old).forEach(enqueue);
    if (ref) return this.ownerOf(rs).forEach(enqueue);
    // An orphan: any Deployment selecting it may adopt it.
    if (old && deepEqual(old.metadata.labels ?? {}, rs.metadata.labels ?? {}) && !controllerOf(old)) return;
    for (const d of this.deployments.list(rs.metadata.namespace)) {
      const selector = d.spec?.selector;
      if (selector && Object.keys(selector).length && labelSelectorMatches(selector, rs.metadata.labels)) enqueue(d);
    }
  }

  /** Recreate waits for old pods to be gone: each deletion may be the last. */
  private podDeleted(pod: KubeObject): void {
    const rs = this.ownerRS(pod);
    if (!rs) return;
    for (const d of this.ownerOf(rs)) if (d.spec?.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  private ownerRS(pod: KubeObject): RS | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.get(pod.metadata.namespace, ref.name);
    return rs?.metadata.uid === ref.uid ? rs : undefined;
  }

  /** syncDeployment's entry: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const cached = this.deployments.get(namespace, name);
    if (!cached) return;
    const d = structuredClone(cached) as D;
    try {
      await this.syncDeployment(d);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async syncDeployment(d: D): Promise<void> {
    const s = this.syncer;
    const selector = d.spec?.selector;
    if (!selector || (!Object.keys(selector.matchLabels ?? {}).length && !selector.matchExpressions?.length)) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        await s.writeStatus(d, { ...d.status, observedGeneration: d.metadata.generation });
      }
      return;
    }
    const sets = await this.claimReplicaSets(d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, false);
      return s.syncStatus(d, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
    }
    await s.checkPausedConditions(d);
    if (d.spec?.paused) return this.scaleOnly(d, sets);
    const { newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, false);
    if (s.isScalingEvent(d, newRS, oldRSs)) return this.scaleOnly(d, sets);
    if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(s, d, sets, this.podsOf(d, sets));
    return rolloutRolling(s, d, sets);
  }

  /** Resizing without rolling out: paused Deployments and changes of spec.replicas. */
  private async scaleOnly(d: D, sets: RS[]): Promise<void> {
    const s = this.syncer;
    const { newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, false);
    await s.scale(d, newRS, oldRSs);
    if (d.spec?.paused) await s.cleanup(d, oldRSs);
    return s.syncStatus(d, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
  }

  private podsOf(d: D, sets: RS[]) {
    const owners = new Set(sets.map((rs) => rs.metadata.uid));
    return this.pods.list(d.metadata.namespace).filter((p) => owners.has(controllerOf(p)?.uid));
  }

  /** The ReplicaSets this Deployment controls, adopting matching orphans and releasing strays. */
  private claimReplicaSets(d: D): Promise<RS[]> {
    let selector: ReturnType<typeof selectorFromLabelSelector>;
    try {
      selector = selectorFromLabelSelector(d.spec!.selector);
    } catch (e) {
      if (e instanceof LabelSelectorError) return Promise.resolve([]);
      throw e;
    }
    const ref = newControllerRef(d, 'apps/v1', 'Deployment');
    const update = async (rs: RS, change: (x: RS) => void): Promise<RS | undefined> => {
      try {
        return await this.client.update<ReplicaSet>('apps', 'replicasets', rs.metadata.namespace, rs.metadata.name!, (cur) => {
          if (cur.metadata.uid === rs.metadata.uid) change(cur);
        });
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    };
    return claim(d, this.replicaSets.list(d.metadata.namespace), (rs) => matchesLabels(selector, rs.metadata.labels), {
      canAdopt: () => {
        const fresh = this.deployments.get(d.metadata.namespace, d.metadata.name!);
        return fresh?.metadata.uid === d.metadata.uid && !fresh?.metadata.deletionTimestamp;
      },
      adopt: (rs) => update(rs, (x) => addControllerRef(x, ref)),
      release: async (rs) => void (await update(rs, (x) => removeOwnerRef(x, d.metadata.uid!))),
    });
  }
}
