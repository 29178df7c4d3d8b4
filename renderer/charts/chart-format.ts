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

const MI = 2 ** 20;

/** A y axis from 0 with at most four even ticks that read well in the unit: cores in 1-2-5 steps
 *  (250m, 500m...), memory in power-of-two MiB steps (64Mi, 128Mi, 1Gi...), not 95.4Mi. */
export function niceAxis(top: number, unit: ChartUnit): { max: number; interval: number } {
  const want = top > 0 ? top / 4 : unit === 'cpu' ? 0.025 : 16 * MI;
  let interval: number;
  if (unit === 'memory') {
    interval = MI;
    while (interval < want) interval *= 2;
  } else {
    const decade = 10 ** Math.floor(Math.log10(want));
    interval = [1, 2, 2.5, 5, 10].map((m) => m * decade).find((step) => step >= want)!;
  }
  return { max: Math.max(interval, Math.ceil(top / interval) * interval), interval };
}
