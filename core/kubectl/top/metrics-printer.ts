// kubectl top's tables (metricsutil.TopCmdPrinter): CPU in millicores, memory in Mi, a node's
// share of its allocatable in percent, rows sorted by name or by the largest usage first, and
// every cell followed by a tab, so the tabwriter pads the last column too.
import { quantityToMilli, quantityToNumber } from '../../machinery/quantity';
import { alignColumns } from '../printers/tabwriter';

export type Usage = Record<string, string>;

export interface NodeMetrics {
  metadata: { name: string };
  usage: Usage;
}

export interface ContainerMetrics {
  name: string;
  usage: Usage;
}

export interface PodMetrics {
  metadata: { name: string; namespace: string };
  containers: ContainerMetrics[];
}

interface Amounts {
  cpuMilli: number;
  memoryBytes: number;
}

const amounts = (u: Usage | undefined): Amounts => ({ cpuMilli: quantityToMilli(u?.cpu ?? '0') || 0, memoryBytes: Math.ceil(quantityToNumber(u?.memory ?? '0')) || 0 });

const sum = (list: Amounts[]): Amounts => ({ cpuMilli: list.reduce((t, a) => t + a.cpuMilli, 0), memoryBytes: list.reduce((t, a) => t + a.memoryBytes, 0) });

const podAmounts = (m: PodMetrics) => sum(m.containers.map((c) => amounts(c.usage)));

/** "cpu": most CPU first; "memory": most memory first; else by name (sort.Sort with kubectl's Less). */
function byUsage<T>(items: T[], sortBy: string, of: (t: T) => Amounts, byName: (a: T, b: T) => number): T[] {
  if (sortBy === 'cpu') return [...items].sort((a, b) => of(b).cpuMilli - of(a).cpuMilli);
  if (sortBy === 'memory') return [...items].sort((a, b) => of(b).memoryBytes - of(a).memoryBytes);
  return [...items].sort(byName);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function usageCells(a: Amounts, available?: Amounts): string[] {
  const cpu = `${a.cpuMilli}m`;
  const memory = `${Math.trunc(a.memoryBytes / (1024 * 1024))}Mi`;
  if (!available) return [cpu, memory];
  const percent = (used: number, total: number) => `${Math.trunc((used / total) * 100)}%`;
  return [cpu, percent(a.cpuMilli, available.cpuMilli), memory, percent(a.memoryBytes * 1000, available.memoryBytes * 1000)];
}

/** Each row gets an empty last cell: kubectl ends every cell with a tab. */
const table = (rows: string[][]) => alignColumns(rows.map((r) => [...r, '']));

/** PrintNodeMetrics; nodes without metrics come last with <unknown>. */
export function nodeMetricsTable(metrics: NodeMetrics[], allocatable: Map<string, Usage>, noHeaders: boolean, sortBy: string): string {
  if (!metrics.length) return '';
  const rows: string[][] = noHeaders ? [] : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
  const left = new Map(allocatable);
  for (const m of byUsage(metrics, sortBy, (x) => amounts(x.usage), (a, b) => compare(a.metadata.name, b.metadata.name))) {
    const available = left.get(m.metadata.name);
    rows.push([m.metadata.name, ...usageCells(amounts(m.usage), available ? amounts(available) : undefined)]);
    left.delete(m.metadata.name);
  }
  for (const name of left.keys()) rows.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return table(rows);
}

export interface PodTableOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: string;
  sum: boolean;
}

/** PrintPodMetrics, with --containers one row per container and --sum a total under the usage columns. */
export function podMetricsTable(metrics: PodMetrics[], o: PodTableOptions): string {
  if (!metrics.length) return '';
  const rows: string[][] = [];
  let width = 3;
  if (!o.noHeaders) {
    rows.push([...(o.withNamespace ? ['NAMESPACE'] : []), ...(o.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    width = rows[0]!.length;
  }
  const byName = (a: PodMetrics, b: PodMetrics) =>
    o.withNamespace && a.metadata.namespace !== b.metadata.namespace ? compare(a.metadata.namespace, b.metadata.namespace) : compare(a.metadata.name, b.metadata.name);
  const sorted = byUsage(metrics, o.sortBy, podAmounts, byName);
  for (const m of sorted) {
    const ns = o.withNamespace ? [m.metadata.namespace] : [];
    if (!o.containers) {
      rows.push([...ns, m.metadata.name, ...usageCells(podAmounts(m))]);
      continue;
    }
    for (const c of byUsage(m.containers, o.sortBy, (x) => amounts(x.usage), (a, b) => compare(a.name, b.name))) rows.push([...ns, m.metadata.name, c.name, ...usageCells(amounts(c.usage))]);
  }
  if (o.sum) {
    rows.push([...Array<string>(width - 2).fill(''), '________', '________']);
    rows.push([...Array<string>(width - 3).fill(''), '', ...usageCells(sum(sorted.map(podAmounts)))]);
  }
  return table(rows);
}
