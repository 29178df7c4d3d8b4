// Usage over time for one pod (per container) or node, as charts draw it: points of
// {time, CPU cores, memory bytes} per series, the last 15 minutes, oldest first. Filled from
// the embedded cluster's history (metrics.wheelhouse.dev) and then from metrics.k8s.io samples,
// each appended only when the API's timestamp has moved (a new scrape), as metrics-server
// serves the same numbers until its next one.
import { parseQuantity } from './quantity';

export const KEEP_MS = 15 * 60_000;

export interface UsageSample {
  /** Epoch milliseconds. */
  t: number;
  /** Cores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

/** metrics.wheelhouse.dev/v1alpha1 PodMetricsHistory or NodeMetricsHistory, as served. */
export interface MetricsHistory {
  window: string;
  points: { timestamp: string; cpu: number; memory: number }[];
  containers?: { name: string; points: { timestamp: string; cpu: number; memory: number }[] }[];
}

/** metrics.k8s.io/v1beta1 PodMetrics or NodeMetrics, as served. */
export interface MetricsSnapshot {
  timestamp: string;
  window: string;
  usage?: Record<string, string>;
  containers?: { name: string; usage: Record<string, string> }[];
}

/** The series of a node (or a pod's total) has this name. */
export const TOTAL = '';

const GO_UNIT: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("15s", "1m30s", "1.5s", "250ms") in milliseconds; throws on anything else. */
export function parseGoDuration(text: string): number {
  const parts = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(text) ? text.match(/\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h)/g)! : undefined;
  if (text === '0') return 0;
  if (!parts) throw new Error(`not a duration: "${text}"`);
  return parts.reduce((sum, p) => {
    const [, n, unit] = /^(\d+(?:\.\d+)?)(.+)$/.exec(p)!;
    return sum + Number(n) * GO_UNIT[unit!]!;
  }, 0);
}

export class UsageSeries {
  readonly series = new Map<string, UsageSample[]>();
  /** The time of the last sample taken in, so a repeated scrape is not drawn twice. */
  private lastTime = 0;
  /** The cluster's metrics resolution, from the API's window field. */
  windowMs: number | undefined;

  /** The history read once at the start (charts open with the last 15 minutes, not empty). */
  loadHistory(h: MetricsHistory): void {
    this.windowMs = parseGoDuration(h.window);
    const add = (name: string, points: MetricsHistory['points']) =>
      this.series.set(
        name,
        points.map((p) => ({ t: Date.parse(p.timestamp), cpu: p.cpu / 1000, memory: p.memory })),
      );
    if (h.containers) for (const c of h.containers) add(c.name, c.points);
    else add(TOTAL, h.points);
    for (const points of this.series.values()) this.lastTime = Math.max(this.lastTime, points.at(-1)?.t ?? 0);
  }

  /** Appends a metrics.k8s.io sample; false when it is the scrape already taken in. */
  add(m: MetricsSnapshot): boolean {
    this.windowMs = parseGoDuration(m.window);
    const t = Date.parse(m.timestamp);
    if (!(t > this.lastTime)) return false;
    this.lastTime = t;
    const rows = m.containers ? m.containers.map((c) => [c.name, c.usage] as const) : [[TOTAL, m.usage ?? {}] as const];
    for (const [name, usage] of rows) {
      const points = this.series.get(name) ?? [];
      points.push({ t, cpu: parseQuantity(usage.cpu ?? '0'), memory: parseQuantity(usage.memory ?? '0') });
      this.series.set(name, points);
    }
    this.trim(t - KEEP_MS);
    return true;
  }

  private trim(before: number): void {
    for (const points of this.series.values()) {
      const keep = points.findIndex((p) => p.t >= before);
      if (keep > 0) points.splice(0, keep);
      else if (keep < 0) points.length = 0;
    }
  }
}
