// Result files and printed tables. Each benchmark writes bench/results/<name>.json with its
// figures and the issue's targets; bench/summary.ts puts the targeted figures side by side.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cluster-process';
import { summarizeProfiles, type HotFunction } from './profile';

export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export interface Target {
  /** The figure must be below (`<`) or at least (`>=`) the value. */
  op: '<' | '>=';
  value: number;
  unit: string;
}

export interface BenchOutput {
  figures: Record<string, unknown>;
  /** Keyed by the dotted path of a figure, e.g. "create.c16.p99Ms". */
  targets: Record<string, Target>;
  /** Figures the summary shows without a target: dotted path -> unit. */
  headline: Record<string, string>;
}

export interface BenchResult extends BenchOutput {
  name: string;
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    /** 1-minute load average before and after the run: other work on the machine skews figures. */
    loadavg1m: { before: number; after: number };
  };
  /** Server hot functions per profiled server process, when run with --profile. */
  profile?: Record<string, HotFunction[][]>;
}

export function figureAt(figures: Record<string, unknown>, path: string): unknown {
  let v: unknown = figures;
  for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

export function meets(value: unknown, t: Target): boolean | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return t.op === '<' ? value < t.value : value >= t.value;
}

export function printTable(title: string, header: string[], rows: (string | number | undefined)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === undefined ? '-' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // Numbers line up on the right, text on the left.
  const numeric = header.map((_, i) => cells.slice(1).every((r) => r[i] === '' || r[i] === '-' || !Number.isNaN(Number(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

function profilesFor(name: string): Record<string, HotFunction[][]> | undefined {
  const root = process.env.BENCH_PROFILE_DIR;
  if (!root) return undefined;
  const dir = join(root, name);
  let labels: string[];
  try {
    labels = readdirSync(dir);
  } catch {
    return undefined;
  }
  return Object.fromEntries(labels.map((l) => [l, summarizeProfiles(join(dir, l))]));
}

function printProfiles(profile: Record<string, HotFunction[][]>): void {
  for (const [label, runs] of Object.entries(profile)) {
    runs.forEach((hot, i) =>
      printTable(
        `server CPU profile ${label}${runs.length > 1 ? ` #${i + 1}` : ''}: top self time`,
        ['function', 'where', 'self ms', 'self %', 'total %'],
        hot.map((h) => [h.fn, h.where, h.selfMs, h.pct, h.totalPct]),
      ),
    );
  }
}

/** Runs one benchmark, writes its result file and exits (closing any stray handles). */
export async function runBench(name: string, measure: () => Promise<BenchOutput>): Promise<void> {
  const loadBefore = loadavg()[0]!;
  try {
    const out = await measure();
    const result: BenchResult = {
      name,
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: process.platform,
        loadavg1m: { before: loadBefore, after: loadavg()[0]! },
      },
      ...out,
    };
    const profile = profilesFor(name);
    if (profile) {
      result.profile = profile;
      printProfiles(profile);
    }
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    process.exit(0);
  } catch (e) {
    console.error(`bench ${name} failed:`, e);
    process.exit(1);
  }
}
