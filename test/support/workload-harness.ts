// Test support for the workload controllers: an in-process cluster with no components, a
// stand-in for the scheduler and kubelet (binds pods to one node, reports them Running and, if
// asked, Ready; finishes graceful deletions at once), and a way to await a condition on the
// cluster's state without sleeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { startCluster, type Cluster } from '../../core/cluster';
import type { Clock } from '../../core/client/clock';
import { timestamp } from '../../core/client/clock';
import type { Client } from '../../core/client/client';
import type { Controller } from '../../core/client/context';

export interface Harness {
  cluster: Cluster;
  client: Client;
  node: FakeNode;
  /** Resolves once check() holds, re-checking on every change in the cluster. */
  until<T>(check: () => T | undefined | false, what?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startHarness(controllers: (c: Cluster) => Controller[], opts: { clock?: Clock; ready?: boolean } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wh-workload-'));
  const cluster = await startCluster({ dataDir, port: 0, storage: 'memory', components: 'none', ...(opts.clock ? { clock: opts.clock } : {}) });
  const client = cluster.context.client('test');
  const node = new FakeNode(cluster, opts.ready ?? true);
  node.start();
  const started = controllers(cluster);
  for (const c of started) await c.start();
  const until = <T>(check: () => T | undefined | false, what = 'condition'): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${what}`));
      }, 8000);
      const test = () => {
        let v: T | undefined | false;
        try {
          v = check();
        } catch (e) {
          off();
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        if (v) {
          off();
          clearTimeout(timer);
          resolve(v);
        }
      };
      const off = cluster.registry.onResourceEvent(() => queueMicrotask(test));
      test();
    });
  return {
    cluster,
    client,
    node,
    until,
    async stop() {
      started.forEach((c) => c.stop());
      node.stop();
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Scheduler and kubelet in one, for one node "node-1". */
export class FakeNode {
  private off?: () => void;
  private readonly client: Client;

  constructor(
    private readonly cluster: Cluster,
    /** Whether new pods become Ready on their own. */
    public autoReady: boolean,
  ) {
    this.client = cluster.context.client('fake-node', 'system:node:node-1');
  }

  start(): void {
    this.off = this.cluster.context.informer<Pod>('', 'pods').on({ add: (p) => this.handle(p), update: (p) => this.handle(p) });
  }

  stop(): void {
    this.off?.();
  }

  private handle(pod: Kube<Pod>): void {
    void this.step(pod).catch(() => undefined);
  }

  private async step(pod: Kube<Pod>): Promise<void> {
    const { namespace, name } = pod.metadata;
    if (pod.metadata.deletionTimestamp) {
      await this.client.delete('', 'pods', namespace, name!, { gracePeriodSeconds: 0 });
    } else if (!pod.spec?.nodeName) {
      await this.client.bind(namespace, name!, 'node-1');
    } else if (!pod.status?.phase || pod.status.phase === 'Pending') {
      await this.setReady(pod, this.autoReady);
    }
  }

  /** Reports the pod Running, Ready or not (now, by the cluster clock). */
  async setReady(pod: Kube<Pod>, ready: boolean): Promise<void> {
    const now = timestamp(this.cluster.context.clock.now());
    await this.client.updateStatus<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (p) => {
      p.status = {
        ...p.status,
        phase: 'Running',
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
          { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now },
        ],
      };
    });
  }
}
