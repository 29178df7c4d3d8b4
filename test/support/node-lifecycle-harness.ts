// What the node lifecycle tests share: a control plane with no components on a manual clock,
// and the kubelet's part played by hand (nodes, their Leases and status, pods bound to them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Event, Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { startCluster, type Cluster } from '../../core/cluster';
import { ManualClock, microTimestamp, timestamp } from '../../core/client/clock';
import type { Client } from '../../core/client/client';
import type { Controller } from '../../core/client/context';
import { NODE_LEASE_NAMESPACE } from '../../core/controllers/node-lifecycle/node-lifecycle-controller';

export const GRACE_MS = 40_000;

export class Harness {
  readonly clock = new ManualClock();
  private dir = '';
  cluster!: Cluster;
  client!: Client;
  private controllers: Controller[] = [];

  async start(...make: Array<(h: Harness) => Controller>): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'wh-nlc-'));
    this.cluster = await startCluster({
      dataDir: this.dir,
      port: 0,
      storage: 'memory',
      components: 'none',
      clock: this.clock,
      timings: { nodeMonitorGracePeriodMs: GRACE_MS },
    });
    this.client = this.cluster.context.client('test-kubelet');
    this.controllers = make.map((m) => m(this));
    for (const c of this.controllers) await c.start();
  }

  async stop(): Promise<void> {
    this.controllers.forEach((c) => c.stop());
    await this.cluster.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  node(name: string): Kube<Node> | undefined {
    return this.cluster.context.informer<Node>('', 'nodes').get(undefined, name);
  }

  pod(namespace: string, name: string): Kube<Pod> | undefined {
    return this.cluster.context.informer<Pod>('', 'pods').get(namespace, name);
  }

  /** Registers a node as a kubelet does: the Node, its Ready status and its Lease. */
  async addNode(name: string): Promise<void> {
    await this.client.create<Node>('', 'nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {} });
    await this.postReady(name, 'True');
    await this.client.create<Lease>('coordination.k8s.io', 'leases', NODE_LEASE_NAMESPACE, {
      metadata: { name, namespace: NODE_LEASE_NAMESPACE },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTimestamp(this.clock.now()) },
    });
  }

  /** The kubelet's status post: Ready with a fresh heartbeat. */
  async postReady(name: string, status: 'True' | 'False'): Promise<void> {
    const now = timestamp(this.clock.now());
    await this.client.updateStatus<Node>('', 'nodes', undefined, name, (n) => {
      const old = n.status?.conditions?.find((c) => c.type === 'Ready');
      const ready = {
        type: 'Ready',
        status,
        reason: status === 'True' ? 'KubeletReady' : 'KubeletNotReady',
        message: status === 'True' ? 'kubelet is posting ready status' : 'container runtime is down',
        lastHeartbeatTime: now,
        lastTransitionTime: old?.status === status ? old.lastTransitionTime : now,
      };
      n.status = { ...n.status, conditions: [ready, ...(n.status?.conditions ?? []).filter((c) => c.type !== 'Ready')] };
    });
  }

  async renewLease(name: string): Promise<void> {
    const renewTime = microTimestamp(this.clock.now());
    await this.client.update<Lease>('coordination.k8s.io', 'leases', NODE_LEASE_NAMESPACE, name, (l) => {
      l.spec = { ...l.spec, renewTime };
    });
  }

  /** Moves the clock in steps, renewing the Leases of the nodes still alive before each step. */
  async advance(ms: number, alive: string[] = [], step = 10_000): Promise<void> {
    for (let left = ms; left > 0; left -= step) {
      for (const n of alive) await this.renewLease(n);
      this.clock.advance(Math.min(step, left));
    }
  }

  /** A pod bound to a node, Running and Ready as its kubelet would report. */
  async addPod(name: string, nodeName: string, tolerations?: Toleration[]): Promise<Kube<Pod>> {
    await this.client.create<Pod>('', 'pods', 'default', {
      metadata: { name, namespace: 'default' },
      spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }], ...(tolerations ? { tolerations } : {}) },
    });
    const now = timestamp(this.clock.now());
    return this.client.updateStatus<Pod>('', 'pods', 'default', name, (p) => {
      p.status = { ...p.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] };
    });
  }

  /** Resolves once check() holds, looking again after every change the API server makes. */
  waitFor<T>(check: () => T | undefined | false | null, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const v = check();
        if (!v) return;
        off();
        clearTimeout(guard);
        resolve(v);
      };
      const off = this.cluster.registry.onResourceEvent(attempt);
      const guard = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${what}`));
      }, 5_000);
      attempt();
    });
  }

  /** Lets queued controller work run (promise continuations, not time). */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }

  events(reason: string): Array<{ name?: string; message?: string; type?: string; source?: string }> {
    const events = this.cluster.context.informer<Event>('', 'events').list();
    return events
      .filter((e) => e.reason === reason)
      .map((e) => ({ name: e.involvedObject.name, message: e.message, type: e.type, source: e.source?.component }));
  }
}
