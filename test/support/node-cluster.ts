// Test support for the node manager and kubelets: an API-server-only cluster with short
// timings, a fast simulated runtime, and waiting on conditions by watching (never sleeping).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { startCluster, type Cluster } from '../../core/cluster';
import type { Clock } from '../../core/client/clock';
import type { ClusterTimings } from '../../core/client/context';
import { SimulatedRuntime } from '../../core/runtime/simulated';
import { NodeManager } from '../../core/nodes/node-manager';

export const SHORT_TIMINGS: Partial<ClusterTimings> = {
  nodeLeaseRenewMs: 50,
  nodeStatusUpdateMs: 100,
  restartBackoffInitialMs: 40,
  restartBackoffMaxMs: 160,
};

export interface TestCluster {
  cluster: Cluster;
  manager: NodeManager;
  /** Resolves with pred's first truthy answer, checked now and after every change to any object. */
  until<T>(pred: () => T | undefined | false | null): Promise<T>;
  pod(name: string, namespace?: string): Pod | undefined;
  events(uid: string): Event[];
  stop(): Promise<void>;
}

export async function startTestCluster(opts: { nodes?: number; clock?: Clock; timings?: Partial<ClusterTimings> } = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-nodes-'));
  const timings = { ...SHORT_TIMINGS, ...opts.timings };
  const cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none', timings, ...(opts.clock ? { clock: opts.clock } : {}) });
  const runtime = new SimulatedRuntime({ pullDelayMs: 5, startDelayMs: 5, clock: cluster.context.clock });
  const manager = new NodeManager(cluster.context, { nodes: opts.nodes ?? 3, runtime });
  await manager.start();
  const ctx = cluster.context;
  return {
    cluster,
    manager,
    until<T>(pred: () => T | undefined | false | null): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          try {
            const v = pred();
            if (v) {
              off();
              resolve(v);
            }
          } catch (e) {
            off();
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        };
        const off = cluster.registry.onResourceEvent(() => check());
        check();
      });
    },
    pod: (name, namespace = 'default') => ctx.informer<Pod>('', 'pods').get(namespace, name),
    events: (uid) => ctx.informer<Event>('', 'events').list().filter((e) => e.involvedObject.uid === uid),
    async stop() {
      manager.stop();
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
