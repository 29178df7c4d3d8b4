// The node lifecycle controller (kube-controller-manager's node-lifecycle-controller, events
// from "node-controller"): it watches Nodes and their Leases in kube-node-lease, and when a
// kubelet has posted neither for the grace period it sets the node's conditions to Unknown,
// marks its pods not Ready and taints the node so the scheduler avoids it and the taint
// eviction controller moves its pods away. It also keeps the NoSchedule taints in step with
// the node's conditions and with cordoning (spec.unschedulable).
//
// Kubernetes checks every node every 5 s; here each node has one wake-up on the work queue at
// its own deadline (last heartbeat seen + grace period), so an idle cluster does no work. A
// heartbeat leaves that wake-up in place; the sync it then brings finds the grace period
// still running and asks for another at the new deadline. Heartbeats are timed by this controller's clock when it sees
// them, not by the timestamps inside them, as in Kubernetes (no clock skew).
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { timestamp } from '../../client/clock';
import type { Client } from '../../client/client';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import {
  excludedFromDisruption,
  ownedNoScheduleTaints,
  readyCondition,
  unknownConditions,
  wantedNoScheduleTaints,
  zoneKey,
  zoneState,
  type ZoneState,
} from './node-health';
import { setPodCondition, updatePodStatus } from './pod-status';
import { swapTaints, taintDiff, TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from './taints';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** A zone this large keeps evicting (slowly) when partially disrupted; a smaller one stops. */
const LARGE_CLUSTER_THRESHOLD = 50;
/** A node that has never posted a Ready condition gets longer (node-startup-grace-period 60 s against 40 s). */
const STARTUP_GRACE_FACTOR = 1.5;

const UNREACHABLE: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
const NOT_READY: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };

interface Health {
  /** When this controller last saw the kubelet alive, by its own clock. */
  probe: number;
  heartbeat?: string;
  renewTime?: string;
}

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private readonly nodes: Informer<Node>;
  private readonly leases: Informer<Lease>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly health = new Map<string, Health>();
  private readonly nodeQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];
  private zoneStates = new Map<string, { state: ZoneState; size: number }>();
  /** Every zone fully disrupted: most likely this machine, not the nodes, is at fault, so nothing is evicted. */
  private allDisrupted = false;

  constructor(private readonly ctx: ControllerContext) {
    this.nodeQueue = new WorkQueue(ctx.clock, (name) => this.syncNode(name), 4);
    this.podQueue = new WorkQueue(ctx.clock, (key) => this.syncPod(key), 4);
    this.nodes = ctx.informer<Node>('', 'nodes');
    this.leases = ctx.informer<Lease>('coordination.k8s.io', 'leases');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client(this.name);
    this.recorder = ctx.recorder('node-controller');
  }

  start(): void {
    this.unsubscribe.push(
      this.nodes.on({
        add: (n) => {
          this.observeNode(n);
          this.nodeEvent(n, 'RegisteredNode', `Registered Node ${n.metadata.name} in Controller`);
        },
        update: (n) => this.observeNode(n),
        delete: (n) => {
          this.health.delete(n.metadata.name!);
          this.nodeEvent(n, 'RemovingNode', `Removing Node ${n.metadata.name} from Controller`);
        },
      }),
      this.leases.on({ add: (l) => this.observeLease(l), update: (l) => this.observeLease(l) }),
      this.pods.on({
        add: (p) => {
          if (p.spec?.nodeName) this.podQueue.add(keyOf(p));
        },
        update: (p, old) => {
          if (p.spec?.nodeName && p.spec.nodeName !== old.spec?.nodeName) this.podQueue.add(keyOf(p));
        },
      }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.nodeQueue.stop();
    this.podQueue.stop();
  }

  private now(): number {
    return this.ctx.clock.now().getTime();
  }

  private gracePeriod(node: Node): number {
    const grace = this.ctx.timings.nodeMonitorGracePeriodMs;
    return readyCondition(node) ? grace : grace * STARTUP_GRACE_FACTOR;
  }

  private observeNode(node: Kube<Node>): void {
    const name = node.metadata.name!;
    const heartbeat = readyCondition(node)?.lastHeartbeatTime;
    let h = this.health.get(name);
    if (!h) this.health.set(name, (h = { probe: this.now(), heartbeat }));
    else if (heartbeat !== h.heartbeat) Object.assign(h, { probe: this.now(), heartbeat });
    this.nodeQueue.add(name);
  }

  private observeLease(lease: Kube<Lease>): void {
    if (lease.metadata.namespace !== NODE_LEASE_NAMESPACE) return;
    const name = lease.metadata.name!;
    const h = this.health.get(name);
    const renewTime = lease.spec?.renewTime;
    if (!h || !renewTime || renewTime === h.renewTime) return;
    Object.assign(h, { probe: this.now(), renewTime });
  }

  private async syncNode(name: string): Promise<void> {
    const node = this.nodes.get(undefined, name);
    const h = this.health.get(name);
    if (!node || !h) return;
    const observed = readyCondition(node);
    let current: Kube<Node> = node;
    // Not silent for the grace period (yet): look again when it runs out.
    const remaining = h.probe + this.gracePeriod(node) - this.now();
    if (remaining >= 0) this.nodeQueue.addAfter(name, remaining + 1);
    else current = await this.markUnknown(node);
    const ready = readyCondition(current);
    if (observed?.status === 'True' && ready?.status !== 'True') {
      this.recorder.event(current, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      await this.markPodsNotReady(name);
    }
    if (ready?.status !== 'True' || this.allDisrupted) this.refreshZones();
    await this.syncNoScheduleTaints(current);
    await this.syncNoExecuteTaints(current);
  }

  /** The kubelet went quiet: post its conditions as Unknown (only when Ready changes, as Kubernetes does). */
  private async markUnknown(node: Kube<Node>): Promise<Kube<Node>> {
    const now = timestamp(this.ctx.clock.now());
    const conditions = unknownConditions(node, now);
    const before = readyCondition(node);
    const after = conditions?.find((c) => c.type === 'Ready');
    if (!conditions || (before && after && before.status === after.status && before.reason === after.reason)) return node;
    return this.client.updateStatus<Node>('', 'nodes', undefined, node.metadata.name!, (n) => {
      const next = unknownConditions(n, now);
      if (next) n.status = { ...n.status, conditions: next };
    });
  }

  private async markPodsNotReady(nodeName: string): Promise<void> {
    for (const pod of this.podsOn(nodeName)) await this.markPodNotReady(pod);
  }

  private async markPodNotReady(pod: Kube<Pod>): Promise<void> {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') return;
    const now = timestamp(this.ctx.clock.now());
    const changed = await updatePodStatus(this.client, pod.metadata.namespace!, pod.metadata.name!, (status) => {
      const cur = status.conditions?.find((c) => c.type === 'Ready');
      return !!cur && setPodCondition(status, { ...cur, status: 'False' }, now);
    });
    if (changed) this.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }

  /** A pod newly bound to a node that is not Ready is not Ready either. */
  private async syncPod(key: string): Promise<void> {
    const [namespace, name] = splitKey(key);
    const pod = this.pods.get(namespace, name);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName || !this.health.has(nodeName)) return;
    const node = this.nodes.get(undefined, nodeName);
    const ready = node && readyCondition(node);
    if (ready && ready.status !== 'True') await this.markPodNotReady(pod);
  }

  private podsOn(nodeName: string): Kube<Pod>[] {
    return this.pods.list().filter((p) => p.spec?.nodeName === nodeName);
  }

  private async syncNoScheduleTaints(node: Kube<Node>): Promise<void> {
    const { add, remove } = taintDiff(wantedNoScheduleTaints(node), ownedNoScheduleTaints(node));
    if (add.length > 0 || remove.length > 0) await this.swapTaints(node.metadata.name!, add, remove);
  }

  /** Unreachable (Ready Unknown) or not-ready (Ready False) NoExecute taints; none once Ready, or while every zone is down. */
  private async syncNoExecuteTaints(node: Kube<Node>): Promise<void> {
    const name = node.metadata.name!;
    const status = readyCondition(node)?.status;
    if (status === 'True' || this.allDisrupted) return this.swapTaints(name, [], [UNREACHABLE, NOT_READY]);
    if (status !== 'False' && status !== 'Unknown') return;
    const [wanted, opposite] = status === 'False' ? [NOT_READY, UNREACHABLE] : [UNREACHABLE, NOT_READY];
    const tainted = (t: Taint) => (node.spec?.taints ?? []).some((x) => x.key === t.key && x.effect === t.effect);
    // Swapping one NoExecute taint for the other is immediate; a new one waits until the zone allows evictions.
    if (tainted(opposite) || this.evictionsAllowed(node)) await this.swapTaints(name, [wanted], [opposite]);
  }

  private async swapTaints(name: string, add: Taint[], remove: Taint[]): Promise<void> {
    const now = timestamp(this.ctx.clock.now());
    const current = this.nodes.get(undefined, name);
    if (!current || !swapTaints(current.spec?.taints, add, remove, now)) return;
    await this.client.update<Node>('', 'nodes', undefined, name, (n) => {
      const taints = swapTaints(n.spec?.taints, add, remove, now);
      if (!taints) return;
      const { taints: _old, ...rest } = n.spec ?? {};
      n.spec = taints.length > 0 ? { ...rest, taints } : rest;
    });
  }

  private evictionsAllowed(node: Node): boolean {
    const zone = this.zoneStates.get(zoneKey(node));
    if (!zone || zone.state === 'Normal' || zone.state === 'FullDisruption') return true;
    return zone.size > LARGE_CLUSTER_THRESHOLD;
  }

  /** Recounts Ready nodes per zone and enters or leaves the everything-is-down mode. */
  private refreshZones(): void {
    const statuses = new Map<string, Array<string | undefined>>();
    for (const n of this.nodes.list()) {
      if (excludedFromDisruption(n)) continue;
      const key = zoneKey(n);
      statuses.set(key, [...(statuses.get(key) ?? []), readyCondition(n)?.status]);
    }
    this.zoneStates = new Map([...statuses].map(([k, s]) => [k, { state: zoneState(s), size: s.length }]));
    const all = this.zoneStates.size > 0 && [...this.zoneStates.values()].every((z) => z.state === 'FullDisruption');
    if (all === this.allDisrupted) return;
    this.allDisrupted = all;
    const now = this.now();
    for (const n of this.nodes.list()) {
      const h = this.health.get(n.metadata.name!);
      // Leaving it: every node gets a fresh grace period before anything is evicted.
      if (!all && h) h.probe = now;
      this.nodeQueue.add(n.metadata.name!);
    }
  }

  private nodeEvent(node: Kube<Node>, reason: string, message: string): void {
    this.recorder.event(node, 'Normal', reason, `Node ${node.metadata.name} event: ${message}`);
  }
}
