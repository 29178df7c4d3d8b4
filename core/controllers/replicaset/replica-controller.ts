// The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas active pods
// matching each ReplicaSet's selector, adopting orphans and releasing pods that stopped
// matching, and reports what it sees in status. The same code serves ReplicationControllers.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube, KubeObject } from '../../machinery/object';
import { LabelSelectorError, matchesLabels, selectorFromLabelSelector, type Selector } from '../../machinery/selectors/label-selector';
import { deepEqual } from '../../machinery/json-value';
import type { Client } from '../../client/client';
import { isNotFound } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { addControllerRef, claim, controllerOf, newControllerRef, removeOwnerRef } from './controller-ref';
import { podsToDelete } from './deletion-order';
import { Expectations } from './expectations';
import { isPodActive, isPodReady } from './pod-state';
import { REPLICA_SET, REPLICATION_CONTROLLER, type ReplicaKind, type ReplicaOwner } from './replica-kinds';
import { slowStartBatch } from './slow-start';
import { calculateStatus } from './status';

/** Most pods created or deleted in one sync (--replicaset-burst / BurstReplicas). */
const BURST_REPLICAS = 500;
const WORKERS = 5;

type Owner = Kube<ReplicaOwner>;
type KubePod = Kube<Pod>;

export class ReplicaController implements Controller {
  readonly name: string;
  private readonly queue: WorkQueue;
  private readonly owners: Informer<ReplicaOwner>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly expectations: Expectations;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kind: ReplicaKind,
  ) {
    this.name = kind.component;
    // Coalesced: a sync lists every pod of the namespace, so one per burst of pod events, not per event.
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), WORKERS, undefined, true);
    this.owners = ctx.informer<ReplicaOwner>(kind.group, kind.plural);
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client(kind.component);
    this.recorder = ctx.recorder(kind.component);
    this.expectations = new Expectations(ctx.clock);
  }

  start(): void {
    this.unsubscribe.push(
      this.owners.on({
        add: (o) => this.enqueue(o),
        update: (o) => this.enqueue(o),
        delete: (o) => this.expectations.forget(keyOf(o)),
      }),
      this.pods.on({ add: (p) => this.podAdded(p), update: (p, old) => this.podUpdated(p, old), delete: (p) => this.podDeleted(p) }),
    );
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((off) => off());
    this.queue.stop();
  }

  private enqueue(owner: KubeObject): void {
    this.queue.add(keyOf(owner));
  }

  /** The owner a controllerRef names, if it is of this kind and still the same object. */
  private resolve(namespace: string | undefined, ref = undefined as ReturnType<typeof controllerOf>): Owner | undefined {
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const owner = this.owners.get(namespace, ref.name);
    return owner?.metadata.uid === ref.uid ? owner : undefined;
  }

  /** Owners whose selector matches an orphan pod: they may adopt it. */
  private ownersMatching(pod: KubePod): Owner[] {
    return this.owners.list(pod.metadata.namespace).filter((o) => {
      const selector = this.selectorOf(o);
      return !!selector && selector.requirements.length > 0 && matchesLabels(selector, pod.metadata.labels);
    });
  }

  private podAdded(pod: KubePod): void {
    if (pod.metadata.deletionTimestamp) return this.podDeleted(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const owner = this.resolve(pod.metadata.namespace, ref);
      if (!owner) return;
      this.expectations.creationObserved(keyOf(owner));
      return this.enqueue(owner);
    }
    this.ownersMatching(pod).forEach((o) => this.enqueue(o));
  }

  private podUpdated(pod: KubePod, old: KubePod): void {
    if (pod.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelsChanged = !deepEqual(pod.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp) {
      // Graceful deletion started: as good as gone for counting, so observe it now.
      this.podDeleted(pod);
      if (labelsChanged) this.podDeleted(old);
      return;
    }
    const ref = controllerOf(pod);
    const oldRef = controllerOf(old);
    if (oldRef && oldRef.uid !== ref?.uid) {
      const previous = this.resolve(old.metadata.namespace, oldRef);
      if (previous) this.enqueue(previous);
    }
    if (ref) {
      const owner = this.resolve(pod.metadata.namespace, ref);
      if (!owner) return;
      this.enqueue(owner);
      // Availability changes only with time once ready: look again when minReadySeconds pass.
      const minReady = owner.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.queue.addAfter(keyOf(owner), minReady * 1000 + 1000);
      return;
    }
    if (labelsChanged || oldRef) this.ownersMatching(pod).forEach((o) => this.enqueue(o));
  }

  private podDeleted(pod: KubePod): void {
    const owner = this.resolve(pod.metadata.namespace, controllerOf(pod));
    if (!owner) return;
    const key = keyOf(owner);
    this.expectations.deletionObserved(key, keyOf(pod));
    this.queue.add(key);
  }

  private selectorOf(owner: Owner): Selector | undefined {
    try {
      return selectorFromLabelSelector(this.kind.selector(owner));
    } catch (e) {
      if (e instanceof LabelSelectorError) return undefined;
      throw e;
    }
  }

  /** syncReplicaSet: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const owner = this.owners.get(namespace, name);
    if (!owner) {
      this.expectations.forget(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const selector = this.selectorOf(owner);
    if (!selector) return; // invalid selectors are refused by validation; nothing to do
    const active = this.pods.list(namespace).filter(isPodActive);
    const pods = await this.claimPods(owner, selector, active);

    let manageError: unknown;
    if (needsSync && !owner.metadata.deletionTimestamp) {
      try {
        await this.manageReplicas(owner, key, pods);
      } catch (e) {
        manageError = e;
      }
    }
    const now = this.ctx.clock.now();
    const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
    const status = calculateStatus(
      pods,
      {
        desired: owner.spec?.replicas ?? 1,
        minReadySeconds,
        templateLabels: owner.spec?.template?.metadata?.labels,
        conditions: owner.status?.conditions,
        manageError,
      },
      now,
    );
    await this.writeStatus(owner, status);
    const replicas = owner.spec?.replicas ?? 1;
    if (manageError === undefined && minReadySeconds > 0 && (status.readyReplicas ?? 0) === replicas && (status.availableReplicas ?? 0) !== replicas) {
      this.queue.addAfter(key, minReadySeconds * 1000);
    }
    if (manageError !== undefined) throw manageError;
  }

  private claimPods(owner: Owner, selector: Selector, pods: KubePod[]): Promise<KubePod[]> {
    const ref = newControllerRef(owner, this.kind.apiVersion, this.kind.kind);
    return claim(owner, pods, (p) => matchesLabels(selector, p.metadata.labels), {
      canAdopt: () => {
        const fresh = this.owners.get(owner.metadata.namespace, owner.metadata.name!);
        return fresh?.metadata.uid === owner.metadata.uid && !fresh?.metadata.deletionTimestamp;
      },
      adopt: (pod) => this.patchPod(pod, (p) => addControllerRef(p, ref)),
      release: async (pod) => void (await this.patchPod(pod, (p) => removeOwnerRef(p, owner.metadata.uid!))),
    });
  }

  /** Changes a pod's ownerReferences if the pod is still the one seen; undefined if it went away. */
  private async patchPod(pod: KubePod, change: (p: KubePod) => boolean): Promise<KubePod | undefined> {
    try {
      return await this.client.update<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (p) => {
        if (p.metadata.uid !== pod.metadata.uid) return p;
        change(p);
      });
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  private async manageReplicas(owner: Owner, key: string, pods: KubePod[]): Promise<void> {
    const diff = pods.length - (owner.spec?.replicas ?? 1);
    if (diff < 0) {
      const want = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, want);
      const { successes, error } = await slowStartBatch(want, 1, () => this.createPod(owner));
      for (let i = successes; i < want; i++) this.expectations.creationObserved(key);
      if (error !== undefined) throw error;
    } else if (diff > 0) {
      const victims = podsToDelete(pods, this.relatedPods(owner), Math.min(diff, BURST_REPLICAS), this.ctx.clock.now());
      this.expectations.expectDeletions(key, victims.map(keyOf));
      const results = await Promise.allSettled(victims.map((p) => this.deletePod(owner, key, p)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  /** Pods of every ReplicaSet under the same controller (a Deployment's old and new sets). */
  private relatedPods(owner: Owner): KubePod[] {
    const parent = controllerOf(owner);
    if (!parent) return [];
    const seen = new Set<string>();
    const related: KubePod[] = [];
    for (const sibling of this.owners.list(owner.metadata.namespace)) {
      if (controllerOf(sibling)?.uid !== parent.uid) continue;
      const selector = this.selectorOf(sibling);
      if (!selector) continue;
      for (const pod of this.pods.list(owner.metadata.namespace)) {
        if (seen.has(pod.metadata.uid!) || !matchesLabels(selector, pod.metadata.labels)) continue;
        seen.add(pod.metadata.uid!);
        related.push(pod);
      }
    }
    return related;
  }

  private async createPod(owner: Owner): Promise<void> {
    const template = owner.spec?.template ?? {};
    const meta = template.metadata ?? {};
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${owner.metadata.name}-`,
        namespace: owner.metadata.namespace,
        ...(meta.labels ? { labels: { ...meta.labels } } : {}),
        ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
        ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
        ownerReferences: [newControllerRef(owner, this.kind.apiVersion, this.kind.kind)],
      },
      spec: structuredClone(template.spec ?? { containers: [] }),
    };
    try {
      const created = await this.client.create<Pod>('', 'pods', owner.metadata.namespace, pod);
      this.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    } catch (e) {
      this.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  private async deletePod(owner: Owner, key: string, pod: KubePod): Promise<void> {
    try {
      // An already-gone pod is fine: its deletion event has been (or will be) observed.
      await this.client.delete('', 'pods', pod.metadata.namespace, pod.metadata.name!, { preconditions: { uid: pod.metadata.uid } });
      this.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } catch (e) {
      // Never going away through us: stop waiting for it.
      this.expectations.deletionObserved(key, keyOf(pod));
      this.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  private async writeStatus(owner: Owner, status: object): Promise<void> {
    const generation = owner.metadata.generation;
    const next = { ...status, ...(generation ? { observedGeneration: generation } : {}) };
    if (deepEqual(owner.status ?? {}, next)) return;
    try {
      await this.client.updateStatus<ReplicaOwner>(this.kind.group, this.kind.plural, owner.metadata.namespace, owner.metadata.name!, (o) => {
        if (o.metadata.uid !== owner.metadata.uid) return o;
        o.status = next as ReplicaOwner['status'];
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

/** kube-controller-manager's replicaset controller. */
export class ReplicaSetController extends ReplicaController {
  constructor(ctx: ControllerContext) {
    super(ctx, REPLICA_SET);
  }
}

/** kube-controller-manager's replicationcontroller controller. */
export class ReplicationControllerController extends ReplicaController {
  constructor(ctx: ControllerContext) {
    super(ctx, REPLICATION_CONTROLLER);
  }
}
