// Nodes, their Leases and the pods bound to them, as the node lifecycle, taint eviction and pod
// GC controllers' tests seed them on the fakes, and the kubelets' part played by writing them into
// the fake informers (as watch events) at the manual clock's time.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { microTimestamp, timestamp } from '../../core/client/clock';
import { NODE_LEASE_NAMESPACE } from '../../core/controllers/node-lifecycle/node-lifecycle-controller';
import type { FakeContext } from './controller-fakes';

/** Where a FakeContext's clock starts: the last heartbeat of the nodes seeded. */
export const START = '2026-01-01T00:00:00Z';
export const CREATED = '2025-12-31T23:00:00Z';

const KUBELET_READY: Record<string, Pick<NodeCondition, 'reason' | 'message'>> = {
  True: { reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  False: { reason: 'KubeletNotReady', message: 'container runtime is down' },
  Unknown: { reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
};

export const kubeletReady = (status: string, at = START): NodeCondition => ({ type: 'Ready', status, ...KUBELET_READY[status], lastHeartbeatTime: at, lastTransitionTime: at });

export interface NodeOptions {
  /** Its Ready condition; 'never' when the kubelet has not posted one. */
  ready?: 'True' | 'False' | 'Unknown' | 'never';
  taints?: Taint[];
  unschedulable?: boolean;
}

export function node(name: string, opts: NodeOptions = {}): Node {
  const { ready = 'True', taints, unschedulable } = opts;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, creationTimestamp: CREATED },
    spec: { ...(taints ? { taints } : {}), ...(unschedulable ? { unschedulable } : {}) },
    status: ready === 'never' ? {} : { conditions: [kubeletReady(ready)] },
  };
}

export function lease(name: string, renewTime = microTimestamp(new Date(START))): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: NODE_LEASE_NAMESPACE },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
  };
}

/** A Running, Ready pod in default bound to nodeName. */
export function pod(name: string, nodeName: string, tolerations?: Toleration[]): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: START }] },
  };
}

/** Lets the work the controller's queues started run to its end (the fakes answer without I/O). */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The kubelets' writes, at the clock's time, and the clock moving on while some of them stay alive. */
export class Kubelets {
  constructor(private readonly ctx: FakeContext) {}

  private get now(): Date {
    return this.ctx.clock.now();
  }

  node(name: string): Kube<Node> {
    return this.ctx.informer<Node>('', 'nodes').get(undefined, name)!;
  }

  /** Any other write (a pod bound, a node cordoned), as its watch event. */
  write(...objs: object[]): void {
    this.ctx.seed(...objs);
  }

  renewLease(name: string): void {
    this.write(lease(name, microTimestamp(this.now)));
  }

  /** The kubelet's status post: Ready with a fresh heartbeat. */
  postReady(name: string, status: 'True' | 'False'): void {
    const n = structuredClone(this.node(name));
    const old = n.status?.conditions?.find((c) => c.type === 'Ready');
    const ready = { ...kubeletReady(status, timestamp(this.now)), ...(old?.status === status ? { lastTransitionTime: old.lastTransitionTime } : {}) };
    n.status = { ...n.status, conditions: [ready, ...(n.status?.conditions ?? []).filter((c) => c.type !== 'Ready')] };
    this.write(n);
  }

  /** Moves the clock in steps of 10 s, the nodes alive renewing their Leases after each. */
  async advance(ms: number, alive: string[] = []): Promise<void> {
    for (let left = ms; left > 0; left -= 10_000) {
      this.ctx.clock.advance(Math.min(10_000, left));
      await settle();
      for (const n of alive) this.renewLease(n);
      await settle();
    }
  }
}
