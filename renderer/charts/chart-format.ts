// Human units for charts, as kubectl top and Lens print them: CPU in millicores below one core
// and in cores above, memory in Mi or Gi.
import { formatBytes, formatCpu } from '../kube/quantity';

export type ChartUnit = 'cpu' | 'memory';

export function formatCores(cores: number): string {
  if (cores < 1) return formatCpu(cores);
  const n = Math.round(cores * 100) / 100;
  return `${n} core${n === 1 ? '' : 's'}`;
}

export const formatValue = (unit: ChartUnit, value: number) => (unit === 'cpu' ? formatCores(value) : formatBytes(value));

export interface ChartSeries {
  name: string;
  /** [epoch ms, value] in cores or bytes, oldest first. */
  points: [number, number][];
}

export interface ChartLine {
  /** e.g. "web request", "allocatable". */
  label: string;
  value: number;
}

/** What a screen reader hears for the chart: each series' latest value and the lines. */
export function chartSummary(title: string, unit: ChartUnit, series: ChartSeries[], lines: ChartLine[]): string {
  const latest = series.filter((s) => s.points.length).map((s) => `${s.name} ${formatValue(unit, s.points.at(-1)![1])}`);
  const parts = [latest.length ? `latest ${latest.join(', ')}` : 'no data yet', ...lines.map((l) => `${l.label} ${formatValue(unit, l.value)}`)];
  return `${title}: ${parts.join('; ')}`;
}
