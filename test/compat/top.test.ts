// `kubectl top` with the real kubectl against `wheelhouse cluster` (scraping every second): it
// finds metrics.k8s.io in discovery, prints the numbers the API serves (the override's exactly),
// per container with a selector, across namespaces, and sorted by CPU or memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { haveKubectl } from '../support/kubectl';
import { manifests, newNamespace, rowsOf, useCluster, type CompatCluster } from './compat-cluster';
import { quantityToMilli, quantityToNumber } from '../../core/machinery/quantity';

const USAGE = 'wheelhouse.dev/simulated-usage';
const Mi = 1024 * 1024;

interface Usage {
  cpu: string;
  memory: string;
}
interface MetricsList {
  items: Array<{ metadata: { name: string; namespace?: string }; usage?: Usage; containers?: Array<{ name: string; usage: Usage }> }>;
}

/** kubectl top's cells: CPU as millicores (rounded up), memory in whole MiB (rounded down). */
const cpuCell = (q: string) => `${quantityToMilli(q)}m`;
const memoryCell = (q: string) => `${Math.floor(quantityToNumber(q) / Mi)}Mi`;

function sum(usages: Usage[]): { cpu: number; memory: number } {
  return usages.reduce((s, u) => ({ cpu: s.cpu + quantityToMilli(u.cpu), memory: s.memory + quantityToNumber(u.memory) }), { cpu: 0, memory: 0 });
}

/**
 * Runs a kubectl top command between two reads of the API, and retries until both reads agree,
 * so what kubectl printed comes from the same scrape as the API's answer.
 */
async function sameScrape(cluster: CompatCluster, path: string, args: string[]): Promise<{ api: MetricsList; out: string }> {
  const read = async () => JSON.parse(await cluster.ok(['get', '--raw', path])) as MetricsList;
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = await read();
    const out = await cluster.ok(args);
    const after = await read();
    const usage = (l: MetricsList) => JSON.stringify(l.items.map((i) => [i.metadata, i.usage, i.containers]));
    if (usage(before) === usage(after)) return { api: after, out };
  }
  throw new Error(`metrics kept changing under kubectl ${args.join(' ')}`);
}

/** Asks the API until pred holds (metrics appear at the next scrape after a pod starts). */
async function untilMetrics(cluster: CompatCluster, path: string, pred: (l: MetricsList) => boolean): Promise<MetricsList> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const l = JSON.parse(await cluster.ok(['get', '--raw', path])) as MetricsList;
    if (pred(l)) return l;
  }
  throw new Error(`no metrics as expected at ${path}`);
}

const pod = (ns: string, name: string, app: string, containers: object[], usage?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels: { app }, ...(usage ? { annotations: { [USAGE]: usage } } : {}) },
  spec: { containers },
});

describe.skipIf(!haveKubectl)('kubectl top', () => {
  const cluster = useCluster({ extraArgs: ['--storage', 'memory', '--metric-resolution', '1s'] });
  let ns: string;

  beforeAll(async () => {
    ns = await newNamespace(cluster, 'top');
    const input = manifests(
      pod(ns, 'x-1', 'x', [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', 'infinity'] }], 'a:cpu=120m,memory=40Mi;b:cpu=30m,memory=8Mi'),
      pod(ns, 'x-2', 'x', [{ name: 'main', image: 'nginx' }], 'cpu=750m,memory=300Mi'),
      pod(ns, 'y-1', 'y', [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '100m', memory: '256Mi' } } }]),
    );
    await cluster.ok(['apply', '-f', '-'], { input });
    await cluster.ok(['wait', '--for=condition=Ready', 'pod', '--all', '-n', ns, '--timeout=60s']);
    await untilMetrics(cluster, `/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`, (l) => l.items.length === 3);
  });

  it('top pods --containers -l app=x shows the override\'s numbers, per container', async () => {
    const out = await cluster.ok(['top', 'pods', '--containers', '-l', 'app=x', '-n', ns]);
    expect(out.split('\n')[0]!.trim().split(/\s+/)).toEqual(['POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(rowsOf(out)).toEqual([
      ['x-1', 'a', '120m', '40Mi'],
      ['x-1', 'b', '30m', '8Mi'],
      ['x-2', 'main', '750m', '300Mi'],
    ]);
  });

  it('top pods -A shows what metrics.k8s.io serves for every pod', async () => {
    const { api, out } = await sameScrape(cluster, '/apis/metrics.k8s.io/v1beta1/pods', ['top', 'pods', '-A']);
    const rows = rowsOf(out).filter((r) => r[0] === ns);
    const expected = api.items
      .filter((i) => i.metadata.namespace === ns)
      .map((i) => {
        const s = sum(i.containers!.map((c) => c.usage));
        return [ns, i.metadata.name, `${s.cpu}m`, `${Math.floor(s.memory / Mi)}Mi`];
      });
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r[1])).toEqual(['x-1', 'x-2', 'y-1']);
    expect(rows[0]!.slice(2)).toEqual(['150m', '48Mi']);
  });

  it('--sort-by=memory and --sort-by=cpu order pods by usage', async () => {
    const byMemory = rowsOf(await cluster.ok(['top', 'pods', '-n', ns, '--sort-by=memory'])).map((r) => r[0]);
    expect(byMemory).toEqual(['x-2', 'y-1', 'x-1']); // 300Mi, about 180Mi (70% of 256Mi), 48Mi
    const byCpu = rowsOf(await cluster.ok(['top', 'pods', '-n', ns, '--sort-by=cpu'])).map((r) => r[0]);
    expect(byCpu).toEqual(['x-2', 'x-1', 'y-1']); // 750m, 150m, about 50m (half of 100m)
  });

  it('top nodes shows what metrics.k8s.io serves for every node', async () => {
    const { api, out } = await sameScrape(cluster, '/apis/metrics.k8s.io/v1beta1/nodes', ['top', 'nodes']);
    expect(out.split('\n')[0]!.trim().split(/\s+/)).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    expect(rowsOf(out).map((r) => [r[0], r[1], r[3]])).toEqual(api.items.map((i) => [i.metadata.name, cpuCell(i.usage!.cpu), memoryCell(i.usage!.memory)]));
    expect(rowsOf(out).map((r) => r[0])).toEqual(['cp1', 'wrk1', 'wrk2']);
  });

  it('top pod of a pod without metrics says so', async () => {
    await cluster.ok(['run', 'done', '--image=busybox', '--restart=Never', '-n', ns, '--', 'true']);
    await cluster.ok(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/done', '-n', ns, '--timeout=30s']);
    const r = await cluster.run(['top', 'pod', 'done', '-n', ns]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`Error from server (NotFound): pods.metrics.k8s.io "${ns}/done" not found`);
  });

  it('explain podmetrics.containers and nodemetrics.usage read the metrics schemas, from OpenAPI v3 and v2', async () => {
    const out = await cluster.ok(['explain', 'podmetrics.containers']);
    expect(out).toMatch(/^GROUP:\s+metrics\.k8s\.io$/m);
    expect(out).toMatch(/^KIND:\s+PodMetrics$/m);
    expect(out).toMatch(/^VERSION:\s+v1beta1$/m);
    expect(out).toMatch(/^FIELD: containers <\[\]ContainerMetrics>$/m);
    expect(out).toMatch(/^\s+name\s+<string> -required-$/m);
    expect(out).toMatch(/^\s+usage\s+<map\[string\]Quantity> -required-$/m);
    expect(await cluster.ok(['explain', 'nodemetrics.usage'])).toMatch(/^FIELD: usage <map\[string\]Quantity>$/m);
    const v2 = await cluster.ok(['explain', 'podmetrics.containers', '--output=plaintext-openapiv2']);
    expect(v2).toMatch(/KIND:\s+PodMetrics\nVERSION:\s+metrics\.k8s\.io\/v1beta1\n\nRESOURCE:\s+containers <\[\]Object>/);
    expect(v2).toMatch(/^\s+usage\t<map\[string\]string> -required-$/m);
  });

  it('explain reads the history kinds of metrics.wheelhouse.dev', async () => {
    const out = await cluster.ok(['explain', 'pods.containers.points', '--api-version=metrics.wheelhouse.dev/v1alpha1']);
    expect(out).toMatch(/^KIND:\s+PodMetricsHistory$/m);
    expect(out).toMatch(/^FIELD: points <\[\]UsagePoint>$/m);
    expect(out).toMatch(/^\s+cpu\s+<integer> -required-$/m);
  });
});
