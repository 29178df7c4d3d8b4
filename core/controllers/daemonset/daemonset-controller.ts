// The DaemonSet controller (pkg/controller/daemon): handlers enqueue the DaemonSets a pod or
// node change concerns; sync(key) settles the revision, makes one pod per eligible node (the
// scheduler binds it there), removes pods from nodes that should not run one, rolls pods to
// the current revision, records status and trims the revision history.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import { ControllerHistory } from '../history/revisions';
import { ownedPodHandlers } from '../owned-pods';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { claim, controllerOf, newControllerRef, removeOwnerRef } from '../replicaset/controller-ref';
import { WorkQueue } from '../../client/work-queue';
import { newDaemonPod, REVISION_LABEL, targetNode, type Daemon } from './daemon-pod';
import { byAge, daemonSetStatus, type NodePlacement } from './daemonset-status';
import { nodeShouldRunDaemonPod } from './node-eligibility';
import { daemonSetRevisions } from './revisions';
import { rollingUpdatePlan, scaled } from './rolling-update';

const COMPONENT = 'daemon-set-controller';
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Changes {
  createOn: string[];
  deletePods: Pod[];
}

export class DaemonSetController implements Controller {
  readonly name = COMPONENT;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly daemonSets: Informer<DaemonSet>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly history: ControllerHistory;
  private readonly queue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 4);
    this.client = ctx.client(COMPONENT);
    this.recorder = ctx.recorder(COMPONENT);
    this.daemonSets = ctx.informer<DaemonSet>('apps', 'daemonsets');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.history = new ControllerHistory(this.client, ctx.informer<ControllerRevision>('apps', 'controllerrevisions'));
  }

  start(): void {
    const enqueue = (ds: Kube<DaemonSet>) => this.queue.add(keyOf(ds));
    const enqueueAll = () => this.daemonSets.list().forEach(enqueue);
    this.unsubscribe.push(
      this.daemonSets.on({ add: enqueue, update: enqueue, delete: enqueue }),
      this.nodes.on({ add: enqueueAll, update: enqueueAll, delete: enqueueAll }, false),
      this.pods.on(ownedPodHandlers(this.daemonSets, 'DaemonSet', (key) => this.queue.add(key))),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.queue.stop();
  }

  private claimPods(ds: Daemon): Promise<Kube<Pod>[]> {
    const ns = ds.metadata.namespace;
    return claim(ds, this.pods.list(ns), (p) => labelSelectorMatches(ds.spec?.selector, p.metadata.labels), {
      canAdopt: () => this.daemonSets.get(ns, ds.metadata.name!)?.metadata.uid === ds.metadata.uid,
      adopt: (p) =>
        this.client.update<Pod>('', 'pods', ns, p.metadata.name!, (fresh) => {
          if (controllerOf(fresh)) throw new Error(`pod ${p.metadata.name} is already controlled`);
          fresh.metadata.ownerReferences = [...(fresh.metadata.ownerReferences ?? []), newControllerRef(ds, 'apps/v1', 'DaemonSet')];
        }),
      release: async (p) => {
        await this.client.update<Pod>('', 'pods', ns, p.metadata.name!, (fresh) => {
          removeOwnerRef(fresh, ds.metadata.uid!);
        });
      },
    });
  }

  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const ds = this.daemonSets.get(ns, name);
    if (!ds) return;
    const pods = await this.claimPods(ds);
    const nodeToPods = new Map<string, Pod[]>();
    for (const p of pods) {
      const node = targetNode(p);
      if (node) nodeToPods.set(node, [...(nodeToPods.get(node) ?? []), p]);
    }
    const now = this.ctx.clock.now();
    if (ds.metadata.deletionTimestamp) return;
    const revs = await daemonSetRevisions(this.history, ds);
    const nodes = this.nodes.list();
    const eligibility = new Map(nodes.map((n) => [n.metadata.name!, nodeShouldRunDaemonPod(ds, n)]));
    const placements: NodePlacement[] = nodes.map((n) => ({ shouldRun: eligibility.get(n.metadata.name!)!.shouldRun, pods: nodeToPods.get(n.metadata.name!) ?? [] }));

    const changes = this.manage(ds, nodeToPods, eligibility);
    if (changes.createOn.length === 0 && changes.deletePods.length === 0 && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const desired = placements.filter((p) => p.shouldRun).length;
      const running = new Map([...nodeToPods].filter(([node]) => eligibility.has(node)));
      const plan = rollingUpdatePlan(ds, revs.hash, running, desired, (node) => !!eligibility.get(node)?.shouldRun, now);
      changes.createOn.push(...plan.createOn);
      changes.deletePods.push(...pods.filter((p) => plan.deletePods.includes(p.metadata.name!)));
    }
    await this.syncNodes(ds, changes, revs.hash);

    const status = daemonSetStatus(ds, revs.hash, placements, revs.collisionCount, now);
    const old = ds.status as Record<string, unknown> | undefined;
    if (Object.entries(status).some(([k, v]) => (old?.[k] ?? 0) !== (v ?? 0))) {
      await this.client.updateStatus<DaemonSet>('apps', 'daemonsets', ns, name, (d) => {
        d.status = status;
      });
    }
    const liveHashes = new Set(pods.map((p) => p.metadata.labels?.[REVISION_LABEL]));
    const all = this.history.list(ds, ds.spec?.selector);
    const inUse = new Set([revs.current.metadata.name!, ...all.filter((r) => liveHashes.has(r.metadata.labels?.[REVISION_LABEL])).map((r) => r.metadata.name!)]);
    await this.history.truncate(all, inUse, ds.spec?.revisionHistoryLimit ?? 10);
  }

  /** manage + podsShouldBeOnNode: which nodes need a pod and which pods must go. */
  private manage(ds: Daemon, nodeToPods: Map<string, Pod[]>, eligibility: Map<string, { shouldRun: boolean; shouldContinueRunning: boolean }>): Changes {
    const changes: Changes = { createOn: [], deletePods: [] };
    const surging = ds.spec?.updateStrategy?.type === 'RollingUpdate' && scaled(ds.spec.updateStrategy.rollingUpdate?.maxSurge, 1) > 0;
    for (const [node, e] of eligibility) {
      const onNode = nodeToPods.get(node) ?? [];
      if (e.shouldRun && onNode.length === 0) {
        changes.createOn.push(node);
        continue;
      }
      if (!e.shouldContinueRunning) {
        changes.deletePods.push(...onNode.filter((p) => !p.metadata?.deletionTimestamp));
        continue;
      }
      const running: Pod[] = [];
      for (const p of onNode) {
        if (p.metadata?.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          this.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata!.namespace}/${p.metadata!.name} on node ${node}, will try to kill it`);
          changes.deletePods.push(p);
        } else if (p.status?.phase === 'Succeeded') {
          // A finished daemon pod is replaced in the next round, once it is gone.
          changes.deletePods.push(p);
        } else running.push(p);
      }
      // Without surge a node keeps only its oldest daemon pod.
      if (!surging && running.length > 1) changes.deletePods.push(...running.sort(byAge).slice(1));
    }
    // Unscheduled pods for nodes that no longer exist can never run (bound ones are pod GC's).
    for (const [node, onNode] of nodeToPods) {
      if (!eligibility.has(node)) changes.deletePods.push(...onNode.filter((p) => !p.metadata?.deletionTimestamp && !p.spec?.nodeName));
    }
    return changes;
  }

  private async syncNodes(ds: Daemon, changes: Changes, hash: string): Promise<void> {
    const ns = ds.metadata.namespace;
    const errors: unknown[] = [];
    await Promise.all([
      ...changes.createOn.map(async (node) => {
        try {
          const pod = await this.client.create<Pod>('', 'pods', ns, newDaemonPod(ds, node, hash));
          this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (e) {
          this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${errorText(e)}`);
          errors.push(e);
        }
      }),
      ...changes.deletePods.map(async (pod) => {
        try {
          await this.client.delete('', 'pods', ns, pod.metadata!.name!);
          this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
        } catch (e) {
          this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorText(e)}`);
          errors.push(e);
        }
      }),
    ]);
    if (errors.length) throw errors[0];
  }
}
