// Scheduler throughput: pods bound per second by the in-process scheduler on a cluster of N
// simulated Nodes (Node objects only, no kubelets), memory store. The pending pods are created
// first; the clock runs from the scheduler's start to the last pod bound (seen on the watch).
import type { Pod } from 'kubernetes-types/core/v1';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../core/cluster';
import { pendingPod, readyNode } from '../test/support/scheduler-fixtures';
import { Scheduler } from '../core/scheduler/scheduler';
import { printTable, runBench } from './lib/report';

const CASES = [
  { nodes: 100, pods: 2000 },
  { nodes: 1000, pods: 5000 },
  { nodes: 5000, pods: 5000 },
];

interface Figure {
  nodes: number;
  pods: number;
  seconds: number;
  podsPerSec: number;
}

async function measure(nodes: number, pods: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-sched-'));
  const cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
  try {
    const client = cluster.context.client('bench', 'admin');
    for (let i = 0; i < nodes; i++) {
      await client.create('', 'nodes', undefined, readyNode(`node-${i}`, { cpu: '32', memory: '128Gi', labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } }));
    }
    for (let i = 0; i < pods; i++) {
      await client.create('', 'pods', 'default', pendingPod(`pod-${i}`, { cpu: '100m', memory: '64Mi' }, {}, { app: 'bench' }));
    }
    let bound = 0;
    let t0 = 0;
    const done = new Promise<number>((resolve) => {
      cluster.context.informer<Pod>('', 'pods').on(
        {
          update: (p, old) => {
            if (p.spec?.nodeName && !old.spec?.nodeName && ++bound === pods) resolve(performance.now());
          },
        },
        false,
      );
    });
    const scheduler = new Scheduler(cluster.context);
    t0 = performance.now();
    scheduler.start();
    const t1 = await done;
    scheduler.stop();
    const seconds = (t1 - t0) / 1000;
    return { nodes, pods, seconds: Number(seconds.toFixed(3)), podsPerSec: Math.round(pods / seconds) };
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runBench('scheduler-throughput', async () => {
  await measure(100, 1000); // warm-up: the first run pays for compiling the hot paths
  const results: Figure[] = [];
  for (const c of CASES) results.push(await measure(c.nodes, c.pods));
  printTable(
    'Scheduler throughput (in process, memory store, pods bound per second)',
    ['nodes', 'pods', 'seconds', 'pods/s'],
    results.map((r) => [r.nodes, r.pods, r.seconds, r.podsPerSec]),
  );
  const figures = Object.fromEntries(results.map((r) => [`n${r.nodes}`, r]));
  return {
    figures,
    targets: { 'n1000.podsPerSec': { op: '>=', value: 2000, unit: 'pods/s' } },
    headline: { 'n100.podsPerSec': 'pods/s', 'n5000.podsPerSec': 'pods/s' },
  };
});
