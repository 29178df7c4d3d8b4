// Deployment scale-up: time for a Deployment to go from 0 to 1,000 Ready replicas on the
// embedded cluster in process, with every component running (kubelets on the simulated
// runtime, scheduler, controllers) and default timings. The Deployment is created through the
// registry; the clock stops at the Deployment watch event that reports 1,000 ready replicas.
import type { Deployment } from 'kubernetes-types/apps/v1';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../core/cluster';
import { cpuMeter } from './lib/proc-stats';
import { printTable, runBench } from './lib/report';

const REPLICAS = 1000;
/** cp1 (tainted) and 11 workers: 1,210 pod slots at 110 pods per node. */
const NODES = 12;
/** A run that has not converged by then is reported as missing, not awaited forever. */
const LIMIT_MS = 60_000;

interface Figure {
  storage: 'memory' | 'sqlite';
  replicas: number;
  /** Create to the watch event with readyReplicas == replicas. */
  seconds: number;
  /** Create to the event with replicas pods created (status.replicas). */
  createdSeconds: number;
  /** CPU of this (the whole cluster's) process, percent of one core. */
  cpuPct: number;
}

function deployment(name: string, replicas: number): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}

async function measure(storage: 'memory' | 'sqlite', replicas: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-deploy-'));
  const cluster = await startCluster({ dataDir: dir, port: 0, storage, nodes: NODES });
  try {
    const name = `scale-${replicas}`;
    let created = NaN;
    const ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${storage}: ${replicas} replicas not Ready within ${LIMIT_MS} ms`)), LIMIT_MS);
      const seen = (d: Deployment) => {
        if (d.metadata?.name !== name) return;
        if (Number.isNaN(created) && (d.status?.replicas ?? 0) >= replicas) created = performance.now();
        if ((d.status?.readyReplicas ?? 0) >= replicas) {
          clearTimeout(timer);
          resolve(performance.now());
        }
      };
      cluster.context.informer<Deployment>('apps', 'deployments').on({ add: seen, update: seen }, false);
    });
    const meter = cpuMeter(process.pid);
    const t0 = performance.now();
    await cluster.context.client('bench', 'admin').create('apps', 'deployments', 'default', deployment(name, replicas));
    const t1 = await ready;
    const cpuPct = meter().clientPct;
    return {
      storage,
      replicas,
      seconds: Number(((t1 - t0) / 1000).toFixed(3)),
      createdSeconds: Number(((created - t0) / 1000).toFixed(3)),
      cpuPct,
    };
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await runBench('deployment-scale', async () => {
  // Warm-up at full size: V8 keeps optimising the hot paths through the first thousands of
  // writes, so a cold process's first run is about a third slower. The figures are of a
  // cluster that has been running, as a user's has.
  await measure('memory', REPLICAS);
  const results: Figure[] = [];
  for (const storage of ['memory', 'sqlite'] as const) results.push(await measure(storage, REPLICAS));
  printTable(
    `Deployment 0 -> ${REPLICAS} Ready replicas (in process, ${NODES} nodes, all components, default timings)`,
    ['storage', 'replicas', 'all created s', 'all Ready s', 'CPU %'],
    results.map((r) => [r.storage, r.replicas, r.createdSeconds, r.seconds, r.cpuPct]),
  );
  return {
    figures: Object.fromEntries(results.map((r) => [r.storage, r])),
    targets: { 'memory.seconds': { op: '<', value: 3, unit: 's' } },
    headline: { 'sqlite.seconds': 's' },
  };
});
