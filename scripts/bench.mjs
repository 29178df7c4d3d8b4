// `npm run bench [-- name... ] [-- --profile]`: builds, runs each benchmark in bench/ in its
// own process (each starts its own `wheelhouse cluster` child), then prints the summary.
// --profile has the server processes write V8 CPU profiles and the results name hot functions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALL = ['cold-start', 'crud-latency', 'list-pods', 'watch-fanout', 'sustained-writes', 'scheduler-throughput', 'deployment-scale', 'memory-scale'];
/** Each benchmark bounds itself; this only stops one that hangs. */
const TIMEOUT_MS = 4 * 60_000;
/** Filling 150,000 pods twice (memory and sqlite stores) takes minutes on 2 cores. */
const TIMEOUT_OVERRIDES_MS = { 'memory-scale': 20 * 60_000 };

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !ALL.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${ALL.join(', ')}`);
  process.exit(2);
}
const selected = names.length ? names : ALL;

const env = { ...process.env };
if (profile) {
  env.BENCH_PROFILE_DIR = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-profiles-'));
  console.log(`server CPU profiles go to ${env.BENCH_PROFILE_DIR}`);
}
const run = (file, extra = [], timeout = TIMEOUT_MS) =>
  spawnSync(process.execPath, ['--import', 'tsx', file, ...extra], { stdio: 'inherit', env, timeout, killSignal: 'SIGKILL' });

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) {
  console.error('build failed');
  process.exit(1);
}
for (const name of selected) {
  rmSync(join('bench', 'results', `${name}.json`), { force: true });
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = run(join('bench', `${name}.ts`), [], TIMEOUT_OVERRIDES_MS[name] ?? TIMEOUT_MS);
  const status = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
  console.log(`=== ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${status}`);
}
run(join('bench', 'summary.ts'), selected);
