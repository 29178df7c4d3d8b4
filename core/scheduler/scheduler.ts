// kube-scheduler in process: watches pending pods (schedulerName default-scheduler), nodes and
// the pods on them; takes pods from the scheduling queue one at a time, filters and scores the
// nodes, assumes the pod on the chosen node and binds it through pods/binding while the next pod
// is already being scheduled. A pod that fits nowhere gets PodScheduled=False and a
// FailedScheduling event with the reasons, may preempt lower-priority pods, and is retried when
// the cluster changes.
import type { Namespace, Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Kube } from '../machinery/object';
import type { Client } from '../client/client';
import { timestamp } from '../client/clock';
import type { Controller, ControllerContext } from '../client/context';
import type { EventRecorder } from '../client/event-recorder';
import type { Informer } from '../client/informer';
import { findFeasible, prioritize, selectHost } from './algorithm';
import { SchedulerCache } from './cache';
import { fitErrorMessage, NO_NODES_AVAILABLE, reasonHistogram } from './fit-error';
import type { Snapshot } from './framework';
import { podInfo, type PodInfo } from './pod-info';
import type { ScoringStrategy } from './plugins/node-resources-fit';
import { preempt } from './preemption';
import { defaultProfile, type Profile } from './profile';
import { SchedulingQueue, type QueuedPod } from './queue';

export interface SchedulerOptions {
  /** NodeResourcesFit scoring: spread (LeastAllocated, the default) or bin-pack (MostAllocated). */
  scoringStrategy?: ScoringStrategy;
  /** percentageOfNodesToScore; 0 (default) is kube-scheduler's adaptive percentage. */
  percentageOfNodesToScore?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

const SCHEDULER_USER = { username: 'system:kube-scheduler', groups: ['system:authenticated'] };
/** Plugins whose rejection a freed pod slot (a pod deleted or finished) may lift. */
const HELPED_BY_POD_REMOVAL = new Set(['NodeResourcesFit', 'NodePorts', 'InterPodAffinity', 'PodTopologySpread']);
/** Plugins whose rejection a new or relabelled pod on a node may lift. */
const HELPED_BY_POD_ADD = new Set(['InterPodAffinity', 'PodTopologySpread']);

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Node changes that can make a pod fit (isSchedulableAfterNodeChange, roughly). */
function nodeChangeMatters(cur: Node, old: Node): boolean {
  return (
    !!cur.spec?.unschedulable !== !!old.spec?.unschedulable ||
    !sameJson(cur.metadata?.labels, old.metadata?.labels) ||
    !sameJson(cur.spec?.taints, old.spec?.taints) ||
    !sameJson(cur.status?.allocatable, old.status?.allocatable) ||
    !sameJson(cur.status?.conditions?.map((c) => [c.type, c.status]), old.status?.conditions?.map((c) => [c.type, c.status]))
  );
}

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  private readonly profile: Profile;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly namespaces: Informer<Namespace>;
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  /** Pending pods nominated to a node by preemption, by node. */
  private readonly nominated = new Map<string, Map<string, PodInfo>>();
  private readonly nominatedNodeOf = new Map<string, string>();
  private unsubscribe: Array<() => void> = [];
  private nextStartNode = 0;
  private running = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly options: SchedulerOptions = {},
  ) {
    this.profile = defaultProfile(options.scoringStrategy);
    this.queue = new SchedulingQueue(ctx.clock, options.initialBackoffMs, options.maxBackoffMs);
    this.pods = ctx.informer<Pod>('', 'pods');
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.namespaces = ctx.informer<Namespace>('', 'namespaces');
    this.pdbs = ctx.informer<PodDisruptionBudget>('policy', 'poddisruptionbudgets');
    this.client = ctx.client('kube-scheduler', SCHEDULER_USER.username);
    this.recorder = ctx.recorder(this.profile.schedulerName);
  }

  start(): void {
    this.running = true;
    this.unsubscribe.push(
      this.nodes.on({
        add: (n) => {
          this.cache.setNode(n);
          this.queue.moveUnschedulable(() => true);
        },
        update: (n, old) => {
          this.cache.setNode(n);
          if (nodeChangeMatters(n, old)) this.queue.moveUnschedulable(() => true);
        },
        delete: (n) => this.cache.removeNode(n.metadata.name!),
      }),
      this.pods.on({
        add: (p) => this.podChanged(p),
        update: (p, old) => this.podChanged(p, old),
        delete: (p) => this.podGone(p),
      }),
    );
    this.idle = this.run();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
    this.queue.close();
  }

  /** Pods waiting in each part of the queue (for tests and diagnostics). */
  get pending() {
    return this.queue.pending;
  }

  private responsible(p: Kube<Pod>): boolean {
    return (p.spec?.schedulerName ?? 'default-scheduler') === this.profile.schedulerName;
  }

  private podChanged(p: Kube<Pod>, old?: Kube<Pod>): void {
    const key = `${p.metadata.namespace}/${p.metadata.name}`;
    if (p.spec?.nodeName) {
      this.queue.delete(key);
      this.setNominated(key, undefined);
      if (isTerminal(p)) return this.podGone(p);
      const wasAssigned = !!old?.spec?.nodeName && !isTerminal(old);
      this.cache.setPod(p);
      if (!wasAssigned || !sameJson(p.metadata.labels, old?.metadata.labels)) {
        this.queue.moveUnschedulable((by) => [...by].some((x) => HELPED_BY_POD_ADD.has(x)));
      }
      return;
    }
    if (!this.responsible(p) || this.cache.isAssumed(key)) return;
    const info = podInfo(p);
    this.setNominated(key, p.status?.nominatedNodeName ? info : undefined);
    if (p.metadata.deletionTimestamp || p.spec?.schedulingGates?.length) return this.queue.delete(key);
    // Our own status writes change nothing the filters read; other changes deserve a new try.
    if (old && (!sameJson(p.spec, old.spec) || !sameJson(p.metadata.labels, old.metadata.labels))) this.queue.updated(info);
    else this.queue.add(info);
  }

  private podGone(p: Kube<Pod>): void {
    const key = `${p.metadata.namespace}/${p.metadata.name}`;
    this.queue.delete(key);
    this.setNominated(key, undefined);
    if (!p.spec?.nodeName) return;
    this.cache.removePod(key);
    this.queue.moveUnschedulable((by) => [...by].some((x) => HELPED_BY_POD_REMOVAL.has(x)));
  }

  private setNominated(key: string, info: PodInfo | undefined): void {
    const prev = this.nominatedNodeOf.get(key);
    if (prev) {
      this.nominated.get(prev)?.delete(key);
      this.nominatedNodeOf.delete(key);
    }
    const node = info?.pod.status?.nominatedNodeName;
    if (!info || !node) return;
    let m = this.nominated.get(node);
    if (!m) this.nominated.set(node, (m = new Map()));
    m.set(key, info);
    this.nominatedNodeOf.set(key, node);
  }

  private snapshot(): Snapshot {
    return { nodes: this.cache.nodes(), nsLabels: (ns) => this.namespaces.get(undefined, ns)?.metadata.labels };
  }

  private async run(): Promise<void> {
    let lastYield = performance.now();
    while (this.running) {
      // Each await lets every other queued promise job run first; under load (a controller
      // creating hundreds of pods) that would cost a full round of other work per pod.
      const qp = this.queue.tryPop() ?? (await this.queue.pop());
      if (!qp) return;
      try {
        this.scheduleOne(qp);
      } catch (e) {
        console.error(`wheelhouse scheduler: ${qp.info.key}:`, e instanceof Error ? e.message : e);
        this.queue.addBackoff(qp);
      }
      // Let bindings and watch events through now and then.
      if (performance.now() - lastYield > 10) {
        await new Promise<void>((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }
  }

  private scheduleOne(qp: QueuedPod): void {
    const [ns, name] = qp.info.key.split('/') as [string, string];
    const pod = this.pods.get(ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || this.cache.isAssumed(qp.info.key)) {
      this.queue.done(qp.info.key);
      return;
    }
    if (pod !== qp.info.pod) qp.info = podInfo(pod);
    const info = qp.info;
    const cycle = this.queue.schedulingCycle;
    const snapshot = this.snapshot();
    if (snapshot.nodes.length === 0) return this.fail(qp, cycle, NO_NODES_AVAILABLE, ['NodeResourcesFit']);
    const nominated = (node: string) => {
      const m = this.nominated.get(node);
      return m && m.size ? [...m.values()] : undefined;
    };
    const found = findFeasible(this.profile, info, snapshot, nominated, this.nextStartNode, this.options.percentageOfNodesToScore);
    this.nextStartNode = (this.nextStartNode + found.processed) % snapshot.nodes.length;
    if (found.feasible.length === 0) {
      const pre = found.attempt.preFilterStatus;
      const statuses = found.statuses;
      const histogram = reasonHistogram(statuses.values(), snapshot.nodes.length);
      const rejectedBy = pre ? [pre.plugin] : [...new Set([...statuses.values()].map((s) => s.plugin))];
      const outcome = pre ? { message: '' } : preempt(this.profile, info, snapshot, statuses, this.pdbs.list());
      const base = { preFilterMsg: pre?.reasons.join(', '), histogram };
      if ('node' in outcome) {
        this.evict(pod, outcome.node.name, outcome.victims);
        return this.fail(qp, cycle, fitErrorMessage(snapshot.nodes.length, base), rejectedBy, outcome.node.name);
      }
      return this.fail(qp, cycle, fitErrorMessage(snapshot.nodes.length, { ...base, postFilterMsg: outcome.message }), rejectedBy, '');
    }
    const host =
      found.feasible.length === 1
        ? found.feasible[0]!
        : selectHost(found.feasible, prioritize(this.profile, found.attempt, info, found.feasible, snapshot));
    this.cache.assume(info, host.name);
    void this.bind(qp, pod, host.name);
  }

  private async bind(qp: QueuedPod, pod: Kube<Pod>, node: string): Promise<void> {
    const { namespace, name } = pod.metadata;
    try {
      await this.client.bind(namespace, name!, node);
      this.queue.done(qp.info.key);
      this.setNominated(qp.info.key, undefined);
      this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`);
    } catch (e) {
      this.cache.forget(qp.info.key);
      const msg = `Binding rejected: ${e instanceof Error ? e.message : String(e)}`;
      if (this.pods.get(namespace, name!)) this.recorder.event(pod, 'Warning', 'FailedScheduling', msg);
      this.queue.addBackoff(qp);
    }
  }

  /** The pod stays pending: condition, event, and (after preemption) its nominated node. */
  private fail(qp: QueuedPod, cycle: number, message: string, rejectedBy: string[], nominatedNode?: string): void {
    this.queue.addUnschedulable(qp, cycle, rejectedBy);
    const pod = qp.info.pod;
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message);
    const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const nominatedChanges = nominatedNode !== undefined && nominatedNode !== (pod.status?.nominatedNodeName ?? '');
    if (cur?.status === 'False' && cur.reason === 'Unschedulable' && cur.message === message && !nominatedChanges) return;
    const now = timestamp(this.ctx.clock.now());
    void this.client
      .updateStatus<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (p) => {
        if (p.spec?.nodeName) return p;
        const status = (p.status ??= {});
        const conditions = status.conditions ?? [];
        const prev = conditions.find((c) => c.type === 'PodScheduled');
        const next: PodCondition = {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastProbeTime: null as unknown as string,
          lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : now,
        };
        status.conditions = [...conditions.filter((c) => c.type !== 'PodScheduled'), next];
        if (nominatedNode) status.nominatedNodeName = nominatedNode;
        else if (nominatedNode === '') delete status.nominatedNodeName;
        return p;
      })
      .catch(() => undefined); // gone or changed: the next event brings it back
  }

  /** Preemption's victims: marked as disrupted, told why, and deleted. */
  private evict(preemptor: Kube<Pod>, node: string, victims: PodInfo[]): void {
    for (const v of victims) {
      const { namespace, name } = v.pod.metadata;
      this.recorder.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${node}`);
      void this.client
        .updateStatus<Pod>('', 'pods', namespace, name!, (p) => {
          const status = (p.status ??= {});
          status.conditions = [
            ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
            {
              type: 'DisruptionTarget',
              status: 'True',
              reason: 'PreemptionByScheduler',
              message: `${this.profile.schedulerName}: preempting to accommodate a higher priority pod`,
              lastTransitionTime: timestamp(this.ctx.clock.now()),
            },
          ];
          return p;
        })
        .catch(() => undefined)
        .then(() => this.client.delete('', 'pods', namespace, name!))
        .catch((e: unknown) => console.error(`wheelhouse scheduler: preempting ${namespace}/${name}:`, e instanceof Error ? e.message : e));
    }
  }

  /** Resolves when the scheduling loop has ended after stop(). */
  get stopped(): Promise<void> {
    return this.idle;
  }
}
