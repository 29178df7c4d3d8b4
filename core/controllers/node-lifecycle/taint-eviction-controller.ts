// The taint eviction controller (kube-controller-manager's taint-eviction-controller): pods on
// a node with NoExecute taints they do not tolerate are deleted at once; pods that tolerate
// them for tolerationSeconds are deleted when the shortest of those runs out; removing the
// taint (or tolerating it forever) cancels the deletion. Deletion is an ordinary graceful
// delete after a DisruptionTarget condition: on a dead node the pod then stays Terminating,
// while its controller, which counts terminating pods as gone, already replaces it.
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { disruptionTarget, setPodCondition, updatePodStatus } from './pod-status';
import { matchingTolerations, minTolerationMs, noExecuteTaints, sameTaint } from './taints';

interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
}

const sameTaints = (a: Taint[], b: Taint[]) => a.length === b.length && a.every((t, i) => sameTaint(t, b[i]!) && t.value === b[i]!.value);
const sameTolerations = (a: Toleration[] = [], b: Toleration[] = []) => JSON.stringify(a) === JSON.stringify(b);

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  /** NoExecute taints by node, as last handled: pods are judged against these. */
  private readonly tainted = new Map<string, Taint[]>();
  private readonly scheduled = new Map<string, ScheduledEviction>();
  private readonly nodeQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  private readonly evictQueue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.nodeQueue = new WorkQueue(ctx.clock, (name) => this.syncNode(name), 4);
    this.podQueue = new WorkQueue(ctx.clock, (key) => this.syncPod(key), 4);
    this.evictQueue = new WorkQueue(ctx.clock, (key) => this.evict(key), 8);
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client(this.name);
    this.recorder = ctx.recorder(this.name);
  }

  start(): void {
    this.unsubscribe.push(
      this.nodes.on({
        add: (n) => this.nodeQueue.add(n.metadata.name!),
        update: (n, old) => {
          if (!sameTaints(noExecuteTaints(n.spec?.taints), noExecuteTaints(old.spec?.taints))) this.nodeQueue.add(n.metadata.name!);
        },
        delete: (n) => this.nodeQueue.add(n.metadata.name!),
      }),
      this.pods.on({
        add: (p) => this.podQueue.add(keyOf(p)),
        update: (p, old) => {
          if (p.spec?.nodeName !== old.spec?.nodeName || !sameTolerations(p.spec?.tolerations, old.spec?.tolerations)) this.podQueue.add(keyOf(p));
        },
        delete: (p) => this.podQueue.add(keyOf(p)),
      }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    for (const q of [this.nodeQueue, this.podQueue, this.evictQueue]) q.stop();
    this.scheduled.clear();
  }

  /** What the node queue runs: judges the pods on the node by its NoExecute taints (tests call it directly). */
  async syncNode(name: string): Promise<void> {
    const node = this.nodes.get(undefined, name);
    const taints = noExecuteTaints(node?.spec?.taints);
    if (taints.length > 0) this.tainted.set(name, taints);
    else this.tainted.delete(name);
    if (!node) return;
    const now = this.ctx.clock.now().getTime();
    for (const pod of this.pods.list()) {
      if (pod.spec?.nodeName !== name) continue;
      if (taints.length === 0) this.cancel(keyOf(pod));
      else this.judge(pod, taints, now);
    }
  }

  /** What the pod queue runs: judges one pod by its node's NoExecute taints as last handled (tests call it directly). */
  async syncPod(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pod = this.pods.get(namespace, name);
    if (!pod) return void this.cancel(key);
    const taints = pod.spec?.nodeName ? this.tainted.get(pod.spec.nodeName) : undefined;
    if (taints) this.judge(pod, taints, this.ctx.clock.now().getTime());
  }

  /** Deletes now, schedules the deletion, or cancels it, by what the pod tolerates. */
  private judge(pod: Kube<Pod>, taints: Taint[], now: number): void {
    const key = keyOf(pod);
    const existing = this.scheduled.get(key);
    const { all, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!all) {
      if (existing && existing.fireAt <= now) return; // already due
      this.cancel(key);
      return this.schedule(key, now, now);
    }
    const wait = minTolerationMs(used);
    if (wait === Infinity) return void this.cancel(key);
    if (existing) {
      // An eviction already counting down keeps its start: later events do not restart the clock.
      if (existing.fireAt <= now || existing.createdAt + wait < now + wait) return;
      this.cancel(key);
    }
    this.schedule(key, existing?.createdAt ?? now, now + wait);
  }

  private schedule(key: string, createdAt: number, fireAt: number): void {
    this.scheduled.set(key, { createdAt, fireAt });
    this.evictQueue.addAfter(key, fireAt - this.ctx.clock.now().getTime());
  }

  /** The eviction's wake-up stays on the queue: evict() finds nothing scheduled and does nothing. */
  private cancel(key: string): void {
    if (!this.scheduled.delete(key)) return;
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  private async evict(key: string): Promise<void> {
    const s = this.scheduled.get(key);
    if (!s) return; // cancelled meanwhile
    // Woken by an earlier eviction since cancelled, or rescheduled: wait for this one.
    const left = s.fireAt - this.ctx.clock.now().getTime();
    if (left > 0) return this.evictQueue.addAfter(key, left);
    const [namespace, name] = splitKey(key);
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const now = timestamp(this.ctx.clock.now());
    await updatePodStatus(this.client, namespace!, name, (status) =>
      setPodCondition(status, disruptionTarget('DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint'), now),
    );
    await this.client.delete('', 'pods', namespace, name);
    this.scheduled.delete(key);
  }
}

/** Kubernetes names the pod in these events without its uid. */
const podRef = (key: string) => {
  const [namespace, name] = splitKey(key);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } };
};
