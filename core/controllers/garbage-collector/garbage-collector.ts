// The garbage collector (kube-controller-manager's garbagecollector): deletes objects whose
// owners are gone, deletes the dependents of an owner in foreground deletion before the owner
// (its foregroundDeletion finalizer), and orphans the dependents of an owner deleted with the
// orphan finalizer. It follows every resource the API server serves, custom ones included.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../machinery/object';
import type { ResourceDef } from '../../registry/types';
import type { DeleteOptions } from '../../registry/generic/resource-store';
import type { Client } from '../../client/client';
import { isConflict, isNotFound } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import type { EventType } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { OwnerGraph } from './graph';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';
const COMPONENT = 'generic-garbage-collector';

/** Where an object lives: enough to read it back and to act on it. */
export interface Identity {
  group: string;
  plural: string;
  namespace: string | undefined;
  name: string;
  uid: string;
}

/** The two queues of Kubernetes' collector, as one: attemptToDelete and attemptToOrphan. */
export type Task = 'delete' | 'orphan';

/** The work queue's key of a task on an object. */
export const itemKey = (task: Task, id: Identity) => JSON.stringify([task, id.group, id.plural, id.namespace ?? '', id.name, id.uid]);

function decode(key: string): [Task, Identity] {
  const [task, group, plural, namespace, name, uid] = JSON.parse(key) as [Task, string, string, string, string, string];
  return [task, { group, plural, namespace: namespace || undefined, name, uid }];
}

const hasFinalizer = (obj: KubeObject, f: string) => obj.metadata.finalizers?.includes(f) ?? false;
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

/** What an owner reference points at, from the dependent's side. */
type OwnerState = 'solid' | 'dangling' | 'waiting' | 'unresolvable';

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  private readonly graph = new OwnerGraph();
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private unsubscribe?: () => void;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 20);
    this.client = ctx.client(COMPONENT);
    this.recorder = ctx.recorder('garbage-collector-controller');
  }

  start(): void {
    this.unsubscribe = this.ctx.onAnyResource((def, type, obj) => this.observe(def, type, obj));
    for (const def of this.ctx.resources()) for (const o of this.ctx.informer(def.group, def.plural).list()) this.observe(def, 'ADDED', o as KubeObject);
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue.stop();
  }

  /** Event handler: keeps the graph and enqueues what may need work; never reads beyond the event. */
  private observe(def: ResourceDef, type: EventType, obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    const id: Identity = { group: def.group, plural: def.plural, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', uid };
    if (type === 'DELETED') {
      const node = this.graph.remove(uid);
      for (const dep of this.graph.dependents(uid)) this.enqueue('delete', dep);
      // An owner in foreground deletion may have been waiting for this one.
      for (const o of node?.owners ?? []) this.enqueueOwner(o, id);
      return;
    }
    const before = this.graph.upsert(def.group, def.plural, obj);
    const after = obj.metadata.ownerReferences ?? [];
    if (after.length > 0 && (type === 'ADDED' || JSON.stringify(before) !== JSON.stringify(after))) {
      this.enqueue('delete', id);
    }
    // Owners dropped from the list (or no longer blocking) may now finish a foreground deletion.
    for (const o of before) if (!after.some((a) => a.uid === o.uid && a.blockOwnerDeletion === o.blockOwnerDeletion)) this.enqueueOwner(o, id);
    if (obj.metadata.deletionTimestamp) {
      if (hasFinalizer(obj, ORPHAN)) this.enqueue('orphan', id);
      if (hasFinalizer(obj, FOREGROUND)) this.enqueue('delete', id);
    }
  }

  private enqueueOwner(o: OwnerReference, dependent: Identity): void {
    const def = this.ctx.resourceFor(groupOf(o.apiVersion), o.kind);
    if (!def) return;
    this.enqueue('delete', { group: def.group, plural: def.plural, namespace: def.namespaced ? dependent.namespace : undefined, name: o.name, uid: o.uid });
  }

  /** Queues work on an object (tests record it instead, to see what a sync leaves for later). */
  protected enqueue(task: Task, id: Identity): void {
    this.queue.add(itemKey(task, id));
  }

  private current(id: Identity): KubeObject | undefined {
    const obj = this.ctx.informer<KubeObject>(id.group, id.plural).get(id.namespace, id.name);
    return obj?.metadata.uid === id.uid ? obj : undefined;
  }

  /** attemptToDeleteWorker and attemptToOrphanWorker: what the work queue runs for a key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [task, id] = decode(key);
    const obj = this.current(id);
    if (!obj) return;
    if (task === 'orphan') await this.orphanDependents(id, obj);
    else await this.attemptToDelete(id, obj);
  }

  /** attemptToDeleteItem: collect obj if no owner holds it; finish a foreground deletion it is in. */
  private async attemptToDelete(id: Identity, obj: KubeObject): Promise<void> {
    if (obj.metadata.deletionTimestamp) {
      if (hasFinalizer(obj, FOREGROUND)) await this.deleteDependentsFirst(id);
      return;
    }
    const owners = obj.metadata.ownerReferences ?? [];
    if (owners.length === 0) return;
    const states = owners.map((o) => this.ownerState(o, obj));
    if (states.includes('unresolvable')) return; // an unknown kind: leave it, as the real collector retries
    const solid = states.includes('solid');
    const gone = owners.filter((_, i) => states[i] === 'dangling' || states[i] === 'waiting');
    if (solid) {
      if (gone.length > 0) await this.dropOwnerReferences(id, new Set(gone.map((o) => o.uid)));
      return;
    }
    const waiting = states.includes('waiting');
    const policy: DeleteOptions['propagationPolicy'] =
      waiting && this.graph.dependents(id.uid).length > 0
        ? 'Foreground'
        : hasFinalizer(obj, ORPHAN)
          ? 'Orphan'
          : hasFinalizer(obj, FOREGROUND)
            ? 'Foreground'
            : 'Background';
    await this.deleteObject(id, policy);
  }

  private ownerState(ref: OwnerReference, dependent: KubeObject): OwnerState {
    const def = this.ctx.resourceFor(groupOf(ref.apiVersion), ref.kind);
    if (!def) return 'unresolvable';
    const ns = dependent.metadata.namespace;
    if (def.namespaced && !ns) {
      // A cluster-scoped object cannot be owned by a namespaced one.
      this.recorder.event(
        dependent,
        'Warning',
        'OwnerRefInvalidNamespace',
        `ownerRef [${ref.apiVersion}/${ref.kind}, namespace: , name: ${ref.name}, uid: ${ref.uid}] does not exist in namespace ""`,
      );
      return 'dangling';
    }
    const owner = this.current({ group: def.group, plural: def.plural, namespace: def.namespaced ? ns : undefined, name: ref.name, uid: ref.uid });
    if (!owner) return 'dangling';
    return owner.metadata.deletionTimestamp && hasFinalizer(owner, FOREGROUND) ? 'waiting' : 'solid';
  }

  /** Foreground: delete every dependent; drop the finalizer once no blocking dependent is left. */
  private async deleteDependentsFirst(id: Identity): Promise<void> {
    const dependents = this.graph.dependents(id.uid);
    const blocking = dependents.filter((d) => d.owners.some((o) => o.uid === id.uid && o.blockOwnerDeletion === true));
    if (blocking.length === 0) {
      await this.removeFinalizer(id, FOREGROUND);
      return;
    }
    for (const d of dependents) this.enqueue('delete', d);
  }

  /** Orphan: remove the references to the owner from its dependents, then the orphan finalizer. */
  private async orphanDependents(id: Identity, obj: KubeObject): Promise<void> {
    if (!obj.metadata.deletionTimestamp || !hasFinalizer(obj, ORPHAN)) return;
    await Promise.all(this.graph.dependents(id.uid).map((d) => this.dropOwnerReferences(d, new Set([id.uid]))));
    await this.removeFinalizer(id, ORPHAN);
  }

  private async deleteObject(id: Identity, propagationPolicy: DeleteOptions['propagationPolicy']): Promise<void> {
    try {
      await this.client.delete(id.group, id.plural, id.namespace, id.name, { propagationPolicy, preconditions: { uid: id.uid } });
    } catch (e) {
      if (!isConflict(e)) throw e; // a new object under the same name is not ours to delete
    }
  }

  private async dropOwnerReferences(id: Identity, uids: Set<string>): Promise<void> {
    await this.patchOwn(id, (obj) => {
      const refs = (obj.metadata.ownerReferences ?? []).filter((o) => !uids.has(o.uid));
      if (refs.length === (obj.metadata.ownerReferences?.length ?? 0)) return false;
      if (refs.length > 0) obj.metadata.ownerReferences = refs;
      else delete obj.metadata.ownerReferences;
      return true;
    });
  }

  private async removeFinalizer(id: Identity, finalizer: string): Promise<void> {
    await this.patchOwn(id, (obj) => {
      if (!hasFinalizer(obj, finalizer)) return false;
      const rest = obj.metadata.finalizers!.filter((f) => f !== finalizer);
      if (rest.length > 0) obj.metadata.finalizers = rest;
      else delete obj.metadata.finalizers;
      return true;
    });
  }

  /** Updates the object if it is still the one with id's uid and change() reports a change. */
  private async patchOwn(id: Identity, change: (obj: KubeObject) => boolean): Promise<void> {
    const latest = this.current(id);
    if (!latest || !change(structuredClone(latest))) return;
    try {
      await this.client.update<KubeObject>(id.group, id.plural, id.namespace, id.name, (obj) => {
        if (obj.metadata.uid === id.uid) change(obj);
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
