// The StatefulSet controller (pkg/controller/statefulset): handlers enqueue the set a pod
// belongs to, and sync(key) claims the set's pods, settles its revisions, runs one round of
// StatefulSetControl, records status and trims the revision history.
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import { ControllerHistory } from '../history/revisions';
import { ownedPodHandlers } from '../owned-pods';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { claim, controllerOf, newControllerRef, removeOwnerRef } from '../replicaset/controller-ref';
import { readyCondition } from '../replicaset/pod-state';
import { WorkQueue } from '../../client/work-queue';
import { StatefulPodControl } from './pod-control';
import { parentAndOrdinal, podRevision, type Set } from './pod-identity';
import { isRunningAndReady, statusChanged } from './replica-status';
import { statefulSetRevisions } from './revisions';
import { StatefulSetControl } from './stateful-set-control';

const COMPONENT = 'statefulset-controller';

export class StatefulSetController implements Controller {
  readonly name = COMPONENT;
  private readonly client: Client;
  private readonly sets: Informer<StatefulSet>;
  private readonly pods: Informer<Pod>;
  private readonly history: ControllerHistory;
  private readonly control: StatefulSetControl;
  private readonly queue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 4);
    this.client = ctx.client(COMPONENT);
    this.sets = ctx.informer<StatefulSet>('apps', 'statefulsets');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.history = new ControllerHistory(this.client, ctx.informer<ControllerRevision>('apps', 'controllerrevisions'));
    const podControl = new StatefulPodControl(this.client, ctx.recorder(COMPONENT), ctx.informer<PersistentVolumeClaim>('', 'persistentvolumeclaims'));
    this.control = new StatefulSetControl(podControl, () => ctx.clock.now());
  }

  start(): void {
    const enqueue = (s: Kube<StatefulSet>) => this.queue.add(keyOf(s));
    this.unsubscribe.push(
      this.sets.on({ add: enqueue, update: enqueue, delete: enqueue }),
      this.pods.on(ownedPodHandlers(this.sets, 'StatefulSet', (key) => this.queue.add(key))),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.queue.stop();
  }

  private async claimPods(set: Set): Promise<Kube<Pod>[]> {
    const isMember = (p: Kube<Pod>) => parentAndOrdinal(p.metadata.name)[0] === set.metadata.name;
    const matches = (p: Kube<Pod>) => isMember(p) && labelSelectorMatches(set.spec?.selector, p.metadata.labels);
    const ns = set.metadata.namespace;
    return claim(set, this.pods.list(ns), matches, {
      canAdopt: () => this.sets.get(ns, set.metadata.name!)?.metadata.uid === set.metadata.uid,
      adopt: (p) =>
        this.client.update<Pod>('', 'pods', ns, p.metadata.name!, (fresh) => {
          if (controllerOf(fresh)) throw new Error(`pod ${p.metadata.name} is already controlled`);
          fresh.metadata.ownerReferences = [...(fresh.metadata.ownerReferences ?? []), newControllerRef(set, 'apps/v1', 'StatefulSet')];
        }),
      release: async (p) => {
        await this.client.update<Pod>('', 'pods', ns, p.metadata.name!, (fresh) => {
          removeOwnerRef(fresh, set.metadata.uid!);
        });
      },
    });
  }

  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const set = this.sets.get(ns, name);
    if (!set) return;
    const pods = await this.claimPods(set);
    const revs = await statefulSetRevisions(this.history, set);
    const status = await this.control.update(set, pods, revs);
    if (statusChanged(set, status)) {
      await this.client.updateStatus<StatefulSet>('apps', 'statefulsets', ns, name, (s) => {
        s.status = status;
      });
    }
    const live = this.pods.list(ns).filter((p) => controllerOf(p)?.uid === set.metadata.uid);
    const inUse = new globalThis.Set([revs.current.metadata.name!, revs.update.metadata.name!, ...live.map(podRevision)]);
    await this.history.truncate(revs.all, inUse, set.spec?.revisionHistoryLimit ?? 10);
    this.requeueForAvailability(set, pods, key);
  }

  /** Ready pods become available minReadySeconds later: look again then. */
  private requeueForAvailability(set: Set, pods: Pod[], key: string): void {
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady <= 0) return;
    const now = this.ctx.clock.now().getTime();
    for (const p of pods) {
      const since = readyCondition(p)?.lastTransitionTime;
      if (!isRunningAndReady(p) || !since) continue;
      const due = Date.parse(since) + minReady * 1000 - now;
      if (due >= 0) this.queue.addAfter(key, due + 1000);
    }
  }
}
