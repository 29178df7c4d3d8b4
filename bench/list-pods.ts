// List of 10,000 Pods shaped like `kubectl run` makes them: GET /api/v1/pods as JSON and as a
// Table (what `kubectl get` asks for), each timed to the last byte read; also the Table paged
// 500 at a time as kubectl does. JSON.stringify/parse of the same items here, for scale.
import { startServer } from './lib/cluster-process';
import { createNamespace, pod } from './lib/fixtures';
import { ApiClient } from './lib/http-client';
import { closedLoop } from './lib/load';
import { processRssMb } from './lib/proc-stats';
import { printTable, runBench } from './lib/report';
import { summarize, type Summary } from './lib/stats';

const PODS = 10_000;
const NAMESPACES = 10;
const RUNS = 7;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const KUBECTL_ACCEPT = `${TABLE},application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`;

interface Run {
  bytes: number;
  /** Time to the response headers, for HTTP runs. */
  headersMs?: number;
}

interface Timed {
  ms: Summary;
  bytes: number;
  headersMs?: Summary;
}

async function timeRuns(runs: number, fn: () => Promise<Run> | Run): Promise<Timed> {
  await fn(); // warm-up
  const ms: number[] = [];
  const headers: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await fn();
    ms.push(performance.now() - t0);
    bytes = r.bytes;
    if (r.headersMs !== undefined) headers.push(r.headersMs);
  }
  return { ms: summarize(ms), bytes, headersMs: headers.length ? summarize(headers) : undefined };
}

await runBench('list-pods', async () => {
  const server = await startServer({ profileTag: 'list-pods/sqlite', controlPlaneOnly: true });
  const client = new ApiClient(server.target, 64);
  try {
    for (let n = 0; n < NAMESPACES; n++) await createNamespace(client, `pods-${n}`);
    // A failed create is counted and made up for by another round, so the list holds PODS.
    let count = 0;
    let createErrors = 0;
    let createMs = 0;
    for (let round = 0; count < PODS; round++) {
      if (round === 3) throw new Error(`created ${count} of ${PODS} pods after ${createErrors} errors`);
      const r = await closedLoop({ concurrency: 64, maxOps: PODS - count, maxMs: 120_000 }, async (w, seq) => {
        const ns = `pods-${(w + seq) % NAMESPACES}`;
        return (await client.status('POST', `/api/v1/namespaces/${ns}/pods`, pod(ns, `web-${round}-${w}-${seq}`))) === 201;
      });
      if (r.errors) console.warn(`  ${r.errors} pod creates failed, first: ${r.firstError}`);
      count += r.ops;
      createErrors += r.errors;
      createMs += r.elapsedMs;
    }
    const created = { opsPerSec: Math.round((PODS / createMs) * 1000), errors: createErrors };

    const get = async (path: string, accept: string) => {
      const r = await client.request('GET', path, undefined, { Accept: accept });
      if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
      return r;
    };
    const json = await timeRuns(RUNS, () => get('/api/v1/pods', 'application/json'));
    const table = await timeRuns(RUNS, () => get('/api/v1/pods', TABLE));
    const paged = await timeRuns(3, async () => {
      let bytes = 0;
      let cont = '';
      do {
        const r = await get(`/api/v1/pods?limit=500${cont && `&continue=${encodeURIComponent(cont)}`}`, KUBECTL_ACCEPT);
        bytes += r.bytes;
        cont = (JSON.parse(r.body) as { metadata?: { continue?: string } }).metadata?.continue ?? '';
      } while (cont);
      return { bytes };
    });

    const body = (await get('/api/v1/pods', 'application/json')).body;
    const parse = await timeRuns(RUNS, () => ({ bytes: (JSON.parse(body) as { items: unknown[] }).items.length }));
    const items = (JSON.parse(body) as { items: unknown[] }).items;
    // A create that failed on the wire may still have been stored, so there can be a few extra.
    if (items.length < PODS) throw new Error(`list returned ${items.length} pods, expected ${PODS}`);
    const stringify = await timeRuns(RUNS, () => ({ bytes: JSON.stringify(items).length }));

    const figures = {
      pods: items.length,
      avgPodJsonBytes: Math.round(stringify.bytes / items.length),
      createPodsPerSec: created.opsPerSec,
      createErrors: created.errors,
      listJson: { ...json.ms, bytes: json.bytes, headersMs: json.headersMs },
      listTable: { ...table.ms, bytes: table.bytes, headersMs: table.headersMs },
      listTablePaged500: { ...paged.ms, bytes: paged.bytes },
      jsonStringifyInProcess: stringify.ms,
      jsonParseInProcess: parse.ms,
      serverRssMb: processRssMb(server.pid),
    };
    const mb = (b: number) => (b / 1048576).toFixed(1);
    printTable(
      `${items.length} pods (${figures.avgPodJsonBytes} B JSON each, created at ${created.opsPerSec}/s), ${RUNS} runs after a warm-up`,
      ['operation', 'median ms', 'p90 ms', 'max ms', 'headers median ms', 'MiB'],
      [
        ['GET /api/v1/pods (JSON)', json.ms.p50, json.ms.p90, json.ms.max, json.headersMs?.p50, mb(json.bytes)],
        ['GET /api/v1/pods (Table)', table.ms.p50, table.ms.p90, table.ms.max, table.headersMs?.p50, mb(table.bytes)],
        ['Table, 500 per page, all pages (kubectl)', paged.ms.p50, paged.ms.p90, paged.ms.max, undefined, mb(paged.bytes)],
        ['JSON.stringify of the items, in-process', stringify.ms.p50, stringify.ms.p90, stringify.ms.max, undefined, mb(stringify.bytes)],
        ['JSON.parse of the list, in-process', parse.ms.p50, parse.ms.p90, parse.ms.max, undefined, mb(json.bytes)],
      ],
    );
    console.log(`server RSS with ${items.length} pods: ${figures.serverRssMb ?? '-'} MiB`);
    return {
      figures,
      targets: {
        'listJson.p50': { op: '<', value: 150, unit: 'ms' },
        'listTable.p50': { op: '<', value: 150, unit: 'ms' },
      },
      headline: {
        'listJson.p90': 'ms',
        'listTable.p90': 'ms',
        'listTablePaged500.p50': 'ms',
        'jsonStringifyInProcess.p50': 'ms',
        avgPodJsonBytes: 'B',
      },
    };
  } finally {
    client.close();
    await server.stop();
    server.cleanup();
  }
});
