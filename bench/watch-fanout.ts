// Watch fan-out: 100 watch connections on the ConfigMaps of one namespace, then writes. For
// each write, the time from sending it until every watcher has its event; first one write
// at a time (latency), then 16 writes in flight (delivered events per second).
import { startServer } from './lib/cluster-process';
import { configMap, createNamespace } from './lib/fixtures';
import { ApiClient, openWatch, type WatchStream } from './lib/http-client';
import { closedLoop, primeConnections } from './lib/load';
import { cpuMeter } from './lib/proc-stats';
import { printTable, runBench } from './lib/report';
import { round, summarize } from './lib/stats';

const WATCHERS = 100;
const SEQUENTIAL_WRITES = 300;
const BURST_WRITES = 2000;
const BURST_CONCURRENCY = 16;
const DELIVERY_TIMEOUT_MS = 30_000;
const NS = 'fanout';

interface Delivery {
  sent: number;
  count: number;
  first: number;
  last: number;
  done?: () => void;
}

await runBench('watch-fanout', async () => {
  const server = await startServer({ profileTag: 'watch-fanout/sqlite', controlPlaneOnly: true });
  const client = new ApiClient(server.target, BURST_CONCURRENCY);
  const streams: WatchStream[] = [];
  try {
    await createNamespace(client, NS);
    const deliveries = new Map<string, Delivery>();
    let delivered = 0;
    let lastArrival = 0;
    for (let i = 0; i < WATCHERS; i++) {
      streams.push(
        openWatch(server.target, `/api/v1/namespaces/${NS}/configmaps`, (e, at) => {
          const d = deliveries.get(e.object.metadata?.name ?? '');
          if (!d) return;
          delivered++;
          lastArrival = at;
          if (d.count++ === 0) d.first = at;
          d.last = at;
          if (d.count === WATCHERS) d.done?.();
        }),
      );
    }
    await Promise.all(streams.map((s) => s.ready));

    const write = async (name: string, waitForAll: boolean): Promise<boolean> => {
      const d: Delivery = { sent: performance.now(), count: 0, first: 0, last: 0 };
      const all = new Promise<void>((resolve) => (d.done = resolve));
      deliveries.set(name, d);
      if ((await client.status('POST', `/api/v1/namespaces/${NS}/configmaps`, configMap(NS, name, 'x'))) !== 201) return false;
      if (waitForAll) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise((r) => (timer = setTimeout(r, DELIVERY_TIMEOUT_MS)))]);
        clearTimeout(timer);
      }
      return true;
    };
    const latencies = (names: string[]) => {
      const ds = names.map((n) => deliveries.get(n)!).filter((d) => d.count === WATCHERS);
      return { complete: ds.length, all: summarize(ds.map((d) => d.last - d.sent)), first: summarize(ds.map((d) => d.first - d.sent)) };
    };

    // One write at a time: nothing else in flight.
    for (let i = 0; i < 20; i++) await write(`warm-${i}`, true);
    const seqNames = Array.from({ length: SEQUENTIAL_WRITES }, (_, i) => `seq-${i}`);
    for (const n of seqNames) await write(n, true);
    const sequential = latencies(seqNames);

    // Many writes in flight: how many events per second reach the watchers.
    await primeConnections(BURST_CONCURRENCY, () => client.status('GET', '/api/v1/namespaces/default'));
    const burstNames: string[] = [];
    const meter = cpuMeter(server.pid);
    const deliveredBefore = delivered;
    const t0 = performance.now();
    const burst = await closedLoop({ concurrency: BURST_CONCURRENCY, maxOps: BURST_WRITES, maxMs: 20_000 }, (w, seq) => {
      const name = `burst-${w}-${seq}`;
      burstNames.push(name);
      return write(name, false);
    });
    const expected = burst.ops * WATCHERS;
    const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
    while (delivered - deliveredBefore < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const burstDelivered = delivered - deliveredBefore;
    const burstMs = lastArrival - t0;
    const cpu = meter();
    const underLoad = latencies(burstNames);

    const figures = {
      watchers: WATCHERS,
      sequential: { writes: SEQUENTIAL_WRITES, complete: sequential.complete, allWatchersMs: sequential.all, firstWatcherMs: sequential.first },
      burst: {
        writes: burst.ops,
        concurrency: BURST_CONCURRENCY,
        writesPerSec: Math.round((burst.ops / burstMs) * 1000),
        eventsDelivered: burstDelivered,
        eventsExpected: expected,
        eventsPerSec: Math.round((burstDelivered / burstMs) * 1000),
        elapsedMs: round(burstMs),
        allWatchersMs: underLoad.all,
        firstWatcherMs: underLoad.first,
        cpu,
      },
    };
    printTable(
      `watch fan-out to ${WATCHERS} watchers: from sending a write until its event reached all / the first watcher`,
      ['writes', 'n', 'all p50 ms', 'all p99 ms', 'first p50 ms', 'first p99 ms'],
      [
        ['one at a time', sequential.complete, sequential.all.p50, sequential.all.p99, sequential.first.p50, sequential.first.p99],
        [`${BURST_CONCURRENCY} in flight`, underLoad.complete, underLoad.all.p50, underLoad.all.p99, underLoad.first.p50, underLoad.first.p99],
      ],
    );
    printTable(
      `burst of ${burst.ops} writes, ${BURST_CONCURRENCY} in flight`,
      ['events delivered', 'of', 'events/s', 'writes/s', 'seconds', 'server CPU%', 'client CPU%'],
      [[burstDelivered, expected, figures.burst.eventsPerSec, figures.burst.writesPerSec, round(burstMs / 1000), cpu.serverPct, cpu.clientPct]],
    );
    return {
      figures,
      targets: {},
      headline: {
        'sequential.allWatchersMs.p50': 'ms',
        'sequential.allWatchersMs.p99': 'ms',
        'burst.allWatchersMs.p99': 'ms',
        'burst.eventsPerSec': 'events/s',
      },
    };
  } finally {
    streams.forEach((s) => s.close());
    client.close();
    await server.stop();
    server.cleanup();
  }
});
