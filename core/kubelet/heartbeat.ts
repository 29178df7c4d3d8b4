// A kubelet's heartbeats: the node Lease in kube-node-lease renewed every nodeLeaseRenewMs,
// and the node's status (conditions with lastHeartbeatTime) posted at start and every
// nodeStatusUpdateMs. When the kubelet stops, both stop, and the node lifecycle controller
// sees the node go quiet.
import { randomUUID } from 'node:crypto';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { microTimestamp } from '../client/clock';
import { isNotFound, type Client } from '../client/client';
import type { ControllerContext } from '../client/context';
import { ApiError } from '../machinery/status';
import { healthyNodeConditions } from './node-conditions';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The kubelet's nodeLeaseDurationSeconds. */
export const NODE_LEASE_DURATION_SECONDS = 40;

export class NodeHeartbeat {
  private readonly cancels = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly client: Client,
    private readonly nodeName: string,
  ) {}

  async start(): Promise<void> {
    this.every(this.ctx.timings.nodeLeaseRenewMs, () => this.renewLease());
    this.every(this.ctx.timings.nodeStatusUpdateMs, () => this.postStatus(false));
    await this.postStatus(true);
    await this.renewLease();
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }

  /** Beats every ms at a fixed rate (each beat is a read-modify-write, so an overlap is harmless). */
  private every(ms: number, beat: () => Promise<void>): void {
    const tick = () => {
      const cancel = this.ctx.clock.after(ms, () => {
        this.cancels.delete(cancel);
        if (this.stopped) return;
        tick();
        void beat().catch(() => undefined); // a missed beat is made up by the next one, as the kubelet's are
      });
      this.cancels.add(cancel);
    };
    tick();
  }

  /** Conditions and heartbeat; at boot also a fresh bootID, as a restarted machine reports. */
  private async postStatus(boot: boolean): Promise<void> {
    if (this.stopped) return;
    try {
      await this.client.updateStatus<Node>('', 'nodes', undefined, this.nodeName, (node) => {
        const status = (node.status ??= {});
        status.conditions = healthyNodeConditions(status.conditions, this.ctx.clock.now());
        if (boot && status.nodeInfo) status.nodeInfo = { ...status.nodeInfo, bootID: randomUUID() };
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async renewLease(): Promise<void> {
    if (this.stopped) return;
    // The kubelet posts its status as soon as it differs from what it would report, e.g. after
    // the node lifecycle controller marked the node Unknown while this kubelet was stopped.
    const ready = this.ctx.informer<Node>('', 'nodes').get(undefined, this.nodeName)?.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True') void this.postStatus(false).catch(() => undefined);
    const renewTime = microTimestamp(this.ctx.clock.now());
    const existing = this.ctx.informer<Lease>('coordination.k8s.io', 'leases').get(NODE_LEASE_NAMESPACE, this.nodeName);
    if (existing) {
      await this.client.update<Lease>('coordination.k8s.io', 'leases', NODE_LEASE_NAMESPACE, this.nodeName, (lease) => {
        lease.spec = { ...lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime };
      });
      return;
    }
    const node = this.ctx.informer<Node>('', 'nodes').get(undefined, this.nodeName);
    if (!node) return;
    try {
      await this.client.create<Lease>('coordination.k8s.io', 'leases', NODE_LEASE_NAMESPACE, {
        metadata: {
          name: this.nodeName,
          namespace: NODE_LEASE_NAMESPACE,
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid! }],
        },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 409)) throw e;
    }
  }
}
