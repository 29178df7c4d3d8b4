// The dashed lines of a chart: a container's request and limit, or a node's allocatable.
import { parseQuantity } from '../kube/quantity';
import type { UsageSample } from '../kube/usage-series';
import type { ChartLine, ChartSeries, ChartUnit } from './chart-format';

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> } | undefined;

export function resourceLines(resources: Resources, unit: ChartUnit): ChartLine[] {
  const lines: ChartLine[] = [];
  const request = resources?.requests?.[unit];
  const limit = resources?.limits?.[unit];
  if (request) lines.push({ label: 'request', value: parseQuantity(request) });
  if (limit) lines.push({ label: 'limit', value: parseQuantity(limit) });
  return lines;
}

export function chartSeries(name: string, samples: readonly UsageSample[] | undefined, unit: ChartUnit): ChartSeries {
  return { name, points: (samples ?? []).map((s) => [s.t, s[unit]]) };
}
