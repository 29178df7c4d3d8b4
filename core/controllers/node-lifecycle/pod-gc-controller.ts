// The pod garbage collector (kube-controller-manager's pod-garbage-collector-controller):
// force-deletes pods no kubelet will ever finish: pods bound to a node that has been gone for
// the quarantine period (40 s, in case it is only re-registering), pods terminating on a node
// that is not Ready and carries the node.kubernetes.io/out-of-service taint (an operator's
// statement that the machine is down), and terminating pods never scheduled. Each is first
// marked Failed, since no kubelet will set its phase. Pods merely terminating on a dead node
// stay Terminating, as in Kubernetes, until the node returns, is removed or is marked out of
// service. Kubernetes scans every 20 s; here pod and node events (and the quarantine timer)
// bring each pod in question.
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { isNodeReady } from './node-health';
import { disruptionTarget, setPodCondition, updatePodStatus } from './pod-status';
import { TAINT_NODE_OUT_OF_SERVICE } from './taints';

/** How long a pod's node must stay missing before the pod is collected (podgc quarantineTime). */
export const POD_GC_QUARANTINE_MS = 40_000;

const outOfService = (node: Node) => !isNodeReady(node) && (node.spec?.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE);

export class PodGcController implements Controller {
  readonly name = 'pod-garbage-collector-controller';
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly queue: WorkQueue;
  /** When each missing node was first found missing. */
  private readonly missingSince = new Map<string, number>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 4);
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client('pod-garbage-collector');
  }

  start(): void {
    this.unsubscribe.push(
      this.nodes.on({
        add: (n) => this.missingSince.delete(n.metadata.name!),
        update: (n) => {
          if (outOfService(n)) this.enqueuePodsOn(n.metadata.name!, (p) => !!p.metadata.deletionTimestamp);
        },
        delete: (n) => this.enqueuePodsOn(n.metadata.name!, () => true),
      }),
      this.pods.on({
        add: (p) => this.consider(p),
        update: (p) => this.consider(p),
      }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.queue.stop();
  }

  /** Cheap checks in the handler, so the many healthy pods never reach the queue. */
  private consider(pod: Kube<Pod>): void {
    const nodeName = pod.spec?.nodeName;
    const node = nodeName ? this.nodes.get(undefined, nodeName) : undefined;
    const terminating = !!pod.metadata.deletionTimestamp;
    if ((terminating && !nodeName) || (nodeName && !node) || (terminating && node && outOfService(node))) this.queue.add(keyOf(pod));
  }

  private enqueuePodsOn(nodeName: string, which: (p: Kube<Pod>) => boolean): void {
    for (const p of this.pods.list()) if (p.spec?.nodeName === nodeName && which(p)) this.queue.add(keyOf(p));
  }

  /** What the work queue runs for a pod's key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pod = this.pods.get(namespace, name);
    if (!pod) return;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) {
      if (pod.metadata.deletionTimestamp) await this.forceDelete(pod);
      return;
    }
    const node = this.nodes.get(undefined, nodeName);
    if (node) {
      if (pod.metadata.deletionTimestamp && outOfService(node)) await this.forceDelete(pod);
      return;
    }
    const now = this.ctx.clock.now().getTime();
    const since = this.missingSince.get(nodeName) ?? now;
    this.missingSince.set(nodeName, since);
    const remaining = since + POD_GC_QUARANTINE_MS - now;
    if (remaining > 0) return this.queue.addAfter(key, remaining);
    await this.forceDelete(pod, disruptionTarget('DeletionByPodGC', 'PodGC: node no longer exists'));
  }

  /** Failed first (no kubelet will say so), then deleted without a grace period. */
  private async forceDelete(pod: Kube<Pod>, condition?: PodCondition): Promise<void> {
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const now = timestamp(this.ctx.clock.now());
      await updatePodStatus(this.client, pod.metadata.namespace!, pod.metadata.name!, (status) => {
        (status as { phase?: string }).phase = 'Failed';
        if (condition) setPodCondition(status, condition, now);
        return true;
      });
    }
    await this.client.delete('', 'pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  }
}
