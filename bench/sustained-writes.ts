// Sustained writes: 64 ConfigMap creates kept in flight for about 10 s against the sqlite
// store, then the same against the memory store for comparison.
import { startServer } from './lib/cluster-process';
import { configMap, createNamespace } from './lib/fixtures';
import { ApiClient } from './lib/http-client';
import { RawApiClient } from './lib/raw-http';
import { closedLoop, type LoadResult } from './lib/load';
import { cpuMeter, type CpuShare } from './lib/proc-stats';
import { printTable, runBench } from './lib/report';

const CONCURRENCY = 64;
const DURATION_MS = 10_000;
const WARMUP_MS = 2_000;
const NAMESPACES = 4;

interface StoreFigures {
  writesPerSec: number;
  writes: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Slowest and fastest whole second of the run. */
  perSecondMin: number;
  perSecondMax: number;
  cpu: CpuShare;
  /** Server CPU time per write: less sensitive than writes/s to other load on the machine. */
  serverCpuMsPerWrite?: number;
}

function storeFigures(r: LoadResult, cpu: CpuShare): StoreFigures {
  return {
    writesPerSec: r.opsPerSec,
    writes: r.ops,
    errors: r.errors,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    maxMs: r.latencyMs.max,
    perSecondMin: Math.min(...r.perSecond),
    perSecondMax: Math.max(...r.perSecond),
    cpu,
    serverCpuMsPerWrite: cpu.serverPct === undefined ? undefined : Math.round(((cpu.serverPct / 100) * r.elapsedMs * 1000) / r.ops) / 1000,
  };
}

async function sustained(storage: 'sqlite' | 'memory'): Promise<StoreFigures> {
  const server = await startServer({ storage, profileTag: `sustained-writes/${storage}`, controlPlaneOnly: true });
  const client = new ApiClient(server.target, CONCURRENCY);
  const load = new RawApiClient(server.target);
  try {
    for (let n = 0; n < NAMESPACES; n++) await createNamespace(client, `load-${n}`);
    const create = (prefix: string) => async (w: number, seq: number) => {
      const ns = `load-${(w + seq) % NAMESPACES}`;
      return (await load.request(w, 'POST', `/api/v1/namespaces/${ns}/configmaps`, configMap(ns, `${prefix}-${w}-${seq}`, 'x'))).status === 201;
    };
    await closedLoop({ concurrency: CONCURRENCY, maxOps: Infinity, maxMs: WARMUP_MS }, create('warm'));
    const meter = cpuMeter(server.pid);
    const r = await closedLoop({ concurrency: CONCURRENCY, maxOps: Infinity, maxMs: DURATION_MS }, create('cm'));
    if (r.errors) console.warn(`  ${storage}: ${r.errors} errors, first: ${r.firstError}`);
    return storeFigures(r, meter());
  } finally {
    client.close();
    load.close();
    await server.stop();
    server.cleanup();
  }
}

await runBench('sustained-writes', async () => {
  const sqlite = await sustained('sqlite');
  const memory = await sustained('memory');
  printTable(
    `sustained ConfigMap creates, ${CONCURRENCY} in flight for ${DURATION_MS / 1000} s (after ${WARMUP_MS / 1000} s warm-up)`,
    ['store', 'writes/s', 'slowest s', 'fastest s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'server CPU%', 'client CPU%', 'server CPU ms/write'],
    [sqlite, memory].map((f, i) => [
      i === 0 ? 'sqlite' : 'memory',
      f.writesPerSec,
      f.perSecondMin,
      f.perSecondMax,
      f.p50Ms,
      f.p99Ms,
      f.maxMs,
      f.errors,
      f.cpu.serverPct,
      f.cpu.clientPct,
      f.serverCpuMsPerWrite,
    ]),
  );
  return {
    figures: { concurrency: CONCURRENCY, durationMs: DURATION_MS, sqlite, memory },
    targets: { 'sqlite.writesPerSec': { op: '>=', value: 3000, unit: 'writes/s' } },
    headline: {
      'sqlite.p99Ms': 'ms',
      'sqlite.serverCpuMsPerWrite': 'ms',
      'memory.writesPerSec': 'writes/s',
      'memory.p99Ms': 'ms',
    },
  };
});
