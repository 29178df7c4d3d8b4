// Puts the figures of the benchmarks that ran (names on the command line) side by side with
// the targets, prints them, and writes bench/results/summary.json (the rows plus every
// full result).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureAt, meets, printTable, RESULTS_DIR, type BenchResult } from './lib/report';

interface SummaryRow {
  bench: string;
  figure: string;
  value: unknown;
  unit: string;
  target?: string;
  meetsTarget?: boolean;
}

const rows: SummaryRow[] = [];
const results: BenchResult[] = [];
const missing: string[] = [];
for (const name of process.argv.slice(2)) {
  const file = join(RESULTS_DIR, `${name}.json`);
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  results.push(r);
  for (const [path, t] of Object.entries(r.targets)) {
    const value = figureAt(r.figures, path);
    rows.push({ bench: name, figure: path, value, unit: t.unit, target: `${t.op} ${t.value}`, meetsTarget: meets(value, t) });
  }
  for (const [path, unit] of Object.entries(r.headline)) rows.push({ bench: name, figure: path, value: figureAt(r.figures, path), unit });
}

const verdict = (m: boolean | undefined) => (m === undefined ? '' : m ? 'meets' : 'MISSES');
printTable(
  'summary',
  ['benchmark', 'figure', 'measured', 'unit', 'target', ''],
  rows.map((r) => [r.bench, r.figure, typeof r.value === 'number' ? r.value : String(r.value), r.unit, r.target ?? '', verdict(r.meetsTarget)]),
);
const load = results.map((r) => `${r.name} ${r.machine.loadavg1m.before.toFixed(1)}`).join(', ');
if (results[0]) console.log(`machine: ${results[0].machine.cpus} x ${results[0].machine.cpuModel}, node ${results[0].machine.node}; 1-min load before each run: ${load}`);
if (missing.length) console.log(`no result (the benchmark failed): ${missing.join(', ')}`);

writeFileSync(
  join(RESULTS_DIR, 'summary.json'),
  JSON.stringify({ date: new Date().toISOString(), machine: results[0]?.machine, rows, failed: missing, results }, null, 2) + '\n',
);
