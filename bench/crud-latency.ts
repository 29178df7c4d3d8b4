// Latency of create / get / update / list and watch delivery for ConfigMaps at 1, 16 and 64
// concurrent clients against the HTTPS API of a `wheelhouse cluster` child process (sqlite).
// "update" is a PUT carrying the current resourceVersion; "list" reads a namespace of 100
// ConfigMaps; "watch" is the time from a write's response to its event at a watcher. Each phase
// starts on open connections, one per client, driven by the lean load generator (raw-http.ts);
// a GET over a new TLS connection each time (as every kubectl run pays) is measured separately.
import { startServer } from './lib/cluster-process';
import { cpuMeter, type CpuShare } from './lib/proc-stats';
import { configMap, createNamespace } from './lib/fixtures';
import { ApiClient, openWatch, type ApiTarget, type WatchStream } from './lib/http-client';
import { closedLoop, type LoadOptions, type LoadResult, type Op } from './lib/load';
import { RawApiClient } from './lib/raw-http';
import { printTable, runBench } from './lib/report';
import { summarize, type Summary } from './lib/stats';
import type { ConfigMap } from 'kubernetes-types/core/v1';

const LEVELS = [1, 16, 64];
// 4,000 samples a phase: a p99 from 2,000 rests on 20 requests, and one pause moves it.
const PHASE: Omit<LoadOptions, 'concurrency'> = { maxOps: 4000, maxMs: 4000 };
const LIST_SIZE = 100;
const LIST_NS = 'lat-list';
/** How long to wait for straggling watch events after a phase. */
const WATCH_DRAIN_MS = 3000;

interface PhaseFigures {
  n: number;
  errors: number;
  opsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  cpu: CpuShare;
}

interface WatchFigures {
  n: number;
  missed: number;
  /** Event arrival minus the write's response; 0 when the event came first. */
  fromResponse: Summary;
  /** Events that arrived before their write's response did. */
  beforeResponse: number;
  /** Event arrival minus the moment the write was sent. */
  fromRequest: Summary;
}

function phaseFigures(r: LoadResult, cpu: CpuShare): PhaseFigures {
  const l = r.latencyMs;
  return { n: r.ops, errors: r.errors, opsPerSec: r.opsPerSec, p50Ms: l.p50, p90Ms: l.p90, p99Ms: l.p99, maxMs: l.max, cpu };
}

async function measured(client: RawApiClient, concurrency: number, opts: Omit<LoadOptions, 'concurrency'>, pid: number, op: Op) {
  // Each client's connection is open (its TLS handshake done) before the clock starts.
  await Promise.all(Array.from({ length: concurrency }, (_, w) => client.request(w, 'GET', '/api/v1/namespaces/default')));
  const meter = cpuMeter(pid);
  const r = await closedLoop({ concurrency, ...opts }, op);
  if (r.errors) console.warn(`  ${r.errors} errors, first: ${r.firstError}`);
  return phaseFigures(r, meter());
}

/** Times each write (sent, answered) and each watch event, keyed by name@resourceVersion. */
class WatchTimer {
  private readonly writes = new Map<string, { sent: number; answered: number }>();
  private readonly events = new Map<string, number>();
  readonly stream: WatchStream;

  constructor(target: ApiTarget, namespace: string) {
    this.stream = openWatch(target, `/api/v1/namespaces/${namespace}/configmaps`, (e, at) => {
      const m = e.object.metadata;
      if (m?.name && m.resourceVersion) this.events.set(`${m.name}@${m.resourceVersion}`, at);
    });
  }

  wrote(name: string, rv: string, sent: number, answered: number): void {
    this.writes.set(`${name}@${rv}`, { sent, answered });
  }

  async figures(): Promise<WatchFigures> {
    const deadline = performance.now() + WATCH_DRAIN_MS;
    while ([...this.writes.keys()].some((k) => !this.events.has(k)) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const fromResponse: number[] = [];
    const fromRequest: number[] = [];
    let beforeResponse = 0;
    for (const [key, w] of this.writes) {
      const at = this.events.get(key);
      if (at === undefined) continue;
      if (at < w.answered) beforeResponse++;
      fromResponse.push(Math.max(0, at - w.answered));
      fromRequest.push(at - w.sent);
    }
    this.stream.close();
    return {
      n: fromResponse.length,
      missed: this.writes.size - fromResponse.length,
      fromResponse: summarize(fromResponse),
      beforeResponse,
      fromRequest: summarize(fromRequest),
    };
  }
}

async function level(api: ApiClient, client: RawApiClient, target: ApiTarget, pid: number, c: number) {
  const ns = `lat-c${c}`;
  await createNamespace(api, ns);
  const watch = new WatchTimer(target, ns);
  await watch.stream.ready;
  const base = `/api/v1/namespaces/${ns}/configmaps`;
  const objects: { name: string; rv: string }[] = [];

  const create = await measured(client, c, PHASE, pid, async (w, seq) => {
    const name = `cm-${w}-${seq}`;
    const sent = performance.now();
    const r = await client.request(w, 'POST', base, configMap(ns, name, 'v0'));
    if (r.status !== 201) return false;
    const rv = (JSON.parse(r.body) as ConfigMap).metadata!.resourceVersion!;
    watch.wrote(name, rv, sent, performance.now());
    objects.push({ name, rv });
    return true;
  });

  const get = await measured(client, c, PHASE, pid, async (w, seq) => {
    const o = objects[(w * 7919 + seq * 104729) % objects.length]!;
    return (await client.request(w, 'GET', `${base}/${o.name}`)).status === 200;
  });

  // Each worker updates its own share of the objects, so it always holds the current version.
  const update = await measured(client, c, PHASE, pid, async (w, seq) => {
    const mine = Math.floor((objects.length - 1 - w) / c) + 1;
    const o = objects[w + c * (seq % mine)]!;
    const body = configMap(ns, o.name, `v${seq + 1}`, o.rv);
    const sent = performance.now();
    const r = await client.request(w, 'PUT', `${base}/${o.name}`, body);
    if (r.status !== 200) return false;
    o.rv = (JSON.parse(r.body) as ConfigMap).metadata!.resourceVersion!;
    watch.wrote(o.name, o.rv, sent, performance.now());
    return true;
  });

  const list = await measured(client, c, { ...PHASE, maxOps: PHASE.maxOps / 2 }, pid, async (w) => {
    return (await client.request(w, 'GET', `/api/v1/namespaces/${LIST_NS}/configmaps`)).status === 200;
  });

  return { create, get, update, list, watch: await watch.figures() };
}

await runBench('crud-latency', async () => {
  const server = await startServer({ profileTag: 'crud-latency/sqlite', controlPlaneOnly: true });
  const client = new ApiClient(server.target, 64);
  const load = new RawApiClient(server.target);
  try {
    await createNamespace(client, LIST_NS);
    for (let i = 0; i < LIST_SIZE; i++) await client.json('POST', `/api/v1/namespaces/${LIST_NS}/configmaps`, configMap(LIST_NS, `item-${i}`, 'x'));
    // Warm-up: JIT and connection setup on both sides before anything is timed. Every timed
    // operation runs here first (V8 keeps optimising for a few thousand requests), so the
    // figures are of a server past its first seconds, as a long-running API server is.
    await createNamespace(client, 'warmup');
    await closedLoop({ concurrency: 16, maxOps: 3000, maxMs: 8000 }, async (w, seq) => {
      const path = `/api/v1/namespaces/warmup/configmaps/w-${w}-${seq}`;
      const created = await load.request(w, 'POST', '/api/v1/namespaces/warmup/configmaps', configMap('warmup', `w-${w}-${seq}`, 'x'));
      const rv = (JSON.parse(created.body) as ConfigMap).metadata?.resourceVersion;
      const got = await load.request(w, 'GET', path);
      const updated = await load.request(w, 'PUT', path, configMap('warmup', `w-${w}-${seq}`, 'y', rv));
      await load.request(w, 'GET', `/api/v1/namespaces/${LIST_NS}/configmaps`);
      return created.status === 201 && got.status === 200 && updated.status === 200;
    });

    const fresh = new ApiClient(server.target, 1, false);
    const meter = cpuMeter(server.pid);
    const fresh200 = await closedLoop({ concurrency: 1, maxOps: 200, maxMs: 3000 }, async () => {
      return (await fresh.status('GET', `/api/v1/namespaces/${LIST_NS}/configmaps/item-0`)) === 200;
    });
    const newConnectionGet = phaseFigures(fresh200, meter());
    fresh.close();

    const byLevel: Record<string, Awaited<ReturnType<typeof level>>> = {};
    for (const c of LEVELS) byLevel[`c${c}`] = await level(client, load, server.target, server.pid, c);

    const phases = ['create', 'get', 'update', 'list'] as const;
    const figures: Record<string, Record<string, unknown>> = { create: {}, get: {}, update: {}, list: {}, watch: {} };
    const f = newConnectionGet;
    const rows: (string | number | undefined)[][] = [
      ['get, new TLS connection each', 1, f.n, f.opsPerSec, f.p50Ms, f.p90Ms, f.p99Ms, f.maxMs, f.errors, f.cpu.serverPct, f.cpu.clientPct, f.cpu.stealPct],
    ];
    for (const p of phases) {
      for (const c of LEVELS) {
        const f = byLevel[`c${c}`]![p];
        figures[p]![`c${c}`] = f;
        rows.push([p, c, f.n, f.opsPerSec, f.p50Ms, f.p90Ms, f.p99Ms, f.maxMs, f.errors, f.cpu.serverPct, f.cpu.clientPct, f.cpu.stealPct]);
      }
    }
    for (const c of LEVELS) {
      const w = byLevel[`c${c}`]!.watch;
      figures.watch![`c${c}`] = { ...w, p50Ms: w.fromResponse.p50, p99Ms: w.fromResponse.p99 };
      rows.push(['watch', c, w.n, undefined, w.fromResponse.p50, w.fromResponse.p90, w.fromResponse.p99, w.fromResponse.max, w.missed, undefined, undefined, undefined]);
    }
    printTable(
      'ConfigMap latency over HTTPS (sqlite store); watch = event arrival after the write response',
      ['op', 'clients', 'n', 'ops/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'server CPU%', 'client CPU%', 'steal %'],
      rows,
    );
    const watchRows = LEVELS.map((c) => {
      const w = byLevel[`c${c}`]!.watch;
      return [c, w.n, w.beforeResponse, w.fromRequest.p50, w.fromRequest.p99];
    });
    printTable('watch events, timed from the write request instead', ['clients', 'events', 'arrived before response', 'p50 ms', 'p99 ms'], watchRows);
    return {
      figures: { ...figures, newConnectionGet },
      targets: {
        'create.c16.p99Ms': { op: '<', value: 10, unit: 'ms' },
        'get.c16.p99Ms': { op: '<', value: 10, unit: 'ms' },
      },
      headline: {
        // The steal share while the targeted phases ran: their p99 follows it closely.
        'create.c16.cpu.stealPct': '%',
        'get.c16.cpu.stealPct': '%',
        'newConnectionGet.p50Ms': 'ms',
        'create.c64.p99Ms': 'ms',
        'get.c64.p99Ms': 'ms',
        'update.c16.p99Ms': 'ms',
        'list.c16.p99Ms': 'ms',
        'watch.c16.p99Ms': 'ms',
      },
    };
  } finally {
    client.close();
    load.close();
    await server.stop();
    server.cleanup();
  }
});
