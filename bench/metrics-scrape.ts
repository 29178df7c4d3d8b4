// The metrics scrape at scale: 50,000 running single-container pods on 100 nodes, scraped
// every 15 s (simulated time) for 100 scrapes, so the 15-minute history fills (61 scrapes)
// and then runs full, dropping its oldest point each time. Each scrape is timed in two parts:
// building the NodeStats the kubelets report (the usage model per container, node usage with
// system overhead, as Kubelet.stats() does minus its walk of the pod table) and
// MetricsStore.record. Then the V8 heap the store holds after a full GC, and reads of one pod's
// history (what the app's chart asks for). In process, no cluster: this is the metrics code alone.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { nodeUsage, systemOverhead, type NodeStats } from '../core/kubelet/node-stats';
import { MetricsStore } from '../core/metrics/metrics-store';
import { modelUsage, seedOf, type UsageProfile } from '../core/runtime/usage-model';
import { printTable, runBench } from './lib/report';
import { round, summarize } from './lib/stats';

const NODES = 100;
const PODS = 50_000;
const SCRAPES = 100;
const RESOLUTION_MS = 15_000;
const HISTORY_READS = 1000;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface PodSpec {
  namespace: string;
  name: string;
  uid: string;
  profile: UsageProfile;
}

/** The pods each node runs: a kubectl-run-like spread of requests, in 20 namespaces. */
function podsByNode(): PodSpec[][] {
  const perNode = PODS / NODES;
  return Array.from({ length: NODES }, (_, n) =>
    Array.from({ length: perNode }, (_, p) => {
      const i = n * perNode + p;
      const name = `app-${i}`;
      return {
        namespace: `ns-${i % 20}`,
        name,
        uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        profile: { seed: seedOf(name), cpuRequestMilli: 50 + (i % 8) * 50, memoryRequestBytes: (64 + (i % 4) * 64) * MB },
      };
    }),
  );
}

function nodeStats(nodes: PodSpec[][], bootedAt: Date, now: Date): NodeStats[] {
  return nodes.map((pods, n) => {
    const stats = pods.map((p) => ({ namespace: p.namespace, name: p.name, uid: p.uid, containers: [{ name: 'main', usage: modelUsage(p.profile, bootedAt, now) }] }));
    const nodeName = `node-${n}`;
    return { nodeName, usage: nodeUsage(systemOverhead(nodeName, false, bootedAt, now), stats), pods: stats };
  });
}

await runBench('metrics-scrape', async () => {
  const nodes = podsByNode();
  const bootedAt = new Date(Date.parse('2026-01-01T00:00:00Z'));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const store = new MetricsStore(RESOLUTION_MS);
  const statsMs: number[] = [];
  const recordMs: number[] = [];
  for (let i = 0; i < SCRAPES; i++) {
    const at = new Date(bootedAt.getTime() + (i + 1) * RESOLUTION_MS);
    const t0 = performance.now();
    const stats = nodeStats(nodes, bootedAt, at);
    const t1 = performance.now();
    store.record(at, stats);
    statsMs.push(t1 - t0);
    recordMs.push(performance.now() - t1);
  }
  gc();
  const heapMb = round((process.memoryUsage().heapUsed - heapBefore) / MB);

  const reads: number[] = [];
  let points = 0;
  for (let r = 0; r < HISTORY_READS; r++) {
    const pod = nodes[r % NODES]![(r * 7) % (PODS / NODES)]!;
    const t = performance.now();
    const h = store.podHistory(pod.namespace, pod.name, pod.uid);
    reads.push(performance.now() - t);
    points = h.points.length;
  }

  // The first scrape creates every series; from then on a scrape appends, and once the
  // history is full it also overwrites the oldest point.
  const steady = (xs: number[]) => summarize(xs.slice(1));
  const scrapeMs = statsMs.map((s, i) => s + recordMs[i]!);
  const figures = {
    nodes: NODES,
    pods: PODS,
    scrapes: SCRAPES,
    series: store.seriesCount,
    firstScrapeMs: round(scrapeMs[0]!),
    scrape: steady(scrapeMs),
    stats: steady(statsMs),
    record: steady(recordMs),
    heapMb,
    podHistoryRead: { ...summarize(reads), points },
  };
  printTable(
    `Metrics scrape of ${PODS} pods on ${NODES} nodes, ${SCRAPES} scrapes (ms; after the first)`,
    ['part', 'mean', 'p50', 'p99', 'worst'],
    (['scrape', 'stats', 'record'] as const).map((k) => [k, figures[k].mean, figures[k].p50, figures[k].p99, figures[k].max]),
  );
  printTable('Store and reads', ['figure', 'value'], [
    ['first scrape ms', figures.firstScrapeMs],
    ['series kept', figures.series],
    ['heap held MiB (after GC)', heapMb],
    [`one pod's history read ms (mean of ${HISTORY_READS}, ${points} points)`, figures.podHistoryRead.mean],
    ['one pod\'s history read ms (worst)', figures.podHistoryRead.max],
  ]);
  return {
    figures,
    targets: {},
    headline: { 'scrape.mean': 'ms', 'scrape.max': 'ms', heapMb: 'MiB', 'podHistoryRead.mean': 'ms' },
  };
});
