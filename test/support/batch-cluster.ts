// Test support for the batch controllers: an API server with no components and a manual clock,
// a client, waiting on watch events instead of sleeping, and the kubelet's part (finishing pods).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../core/machinery/object';
import { startCluster, type Cluster } from '../../core/cluster';
import type { Client } from '../../core/client/client';
import { ManualClock, timestamp } from '../../core/client/clock';

export interface TestCluster {
  cluster: Cluster;
  clock: ManualClock;
  client: Client;
  /** Resolves with read()'s first truthy value, re-checked after every write in the cluster. */
  waitFor<T>(read: () => T | undefined | false, what?: string): Promise<T>;
  pods(namespace: string): Kube<Pod>[];
  events(namespace: string, name: string): Event[];
  /** Plays the kubelet: the pod's containers exit with exitCode and the pod ends Succeeded or Failed. */
  finishPod(pod: Kube<Pod>, phase: 'Succeeded' | 'Failed', exitCode?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-batch-'));
  // Object timestamps come from the real clock: start the manual one there.
  const clock = new ManualClock(Math.floor(Date.now() / 1000) * 1000);
  const cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none', clock });
  const client = cluster.context.client('test');
  const store = (group: string, plural: string) => cluster.registry.storeFor(group, plural)!;
  const t: TestCluster = {
    cluster,
    clock,
    client,
    waitFor(read, what = 'condition') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const v = read();
          if (!v) return false;
          off();
          clearTimeout(timer);
          resolve(v);
          return true;
        };
        const off = cluster.registry.onResourceEvent(() => void check());
        const timer = setTimeout(() => {
          off();
          reject(new Error(`timed out waiting for ${what}`));
        }, 5000);
        check();
      });
    },
    pods: (ns) => store('', 'pods').list({ namespace: ns }).items.map((c) => c.object as Kube<Pod>),
    events: (ns, name) =>
      store('', 'events')
        .list({ namespace: ns })
        .items.map((c) => c.object as unknown as Event)
        .filter((e) => e.involvedObject.name === name),
    async finishPod(pod, phase, exitCode = phase === 'Succeeded' ? 0 : 1) {
      const now = timestamp(clock.now());
      await client.updateStatus<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (p) => {
        p.status = {
          ...p.status,
          phase,
          conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }],
          containerStatuses: (p.spec?.containers ?? []).map((c) => ({
            name: c.name,
            image: c.image ?? '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: now } },
          })),
        };
      });
    },
    async stop() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
