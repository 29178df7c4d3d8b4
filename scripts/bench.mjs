// `npm run bench [-- name... ] [-- --profile]`: builds, runs each benchmark in bench/ in its
// own process (each starts its own `wheelhouse cluster` child), then prints the summary.
// --profile has the server processes write V8 CPU profiles and the results name hot functions.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALL = ['app', 'cold-start', 'crud-latency', 'list-pods', 'watch-fanout', 'sustained-writes', 'scheduler-throughput', 'deployment-scale', 'memory-scale', 'metrics-scrape', 'terminal'];
/** Each benchmark bounds itself; this only stops one that hangs. */
const TIMEOUT_MS = 4 * 60_000;
/** Filling 150,000 pods twice (memory and sqlite stores) takes minutes on 2 cores. */
const TIMEOUT_OVERRIDES_MS = { 'memory-scale': 20 * 60_000, app: 10 * 60_000, terminal: 10 * 60_000 };

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
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) {
  console.error('build failed');
  process.exit(1);
}
// Each benchmark is bundled as the product is (esbuild, dependencies external), so the core it
// runs in process is the shipped code: tsx's on-the-fly transform adds a name-keeping call to
// every closure it creates, which slows hot paths by a third.
const BUNDLES = join('dist', 'bench');
await build({
  entryPoints: [...selected, 'summary'].map((n) => join('bench', `${n}.ts`)),
  outdir: BUNDLES,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  format: 'esm',
  logLevel: 'warning',
});
const run = (name, extra = [], timeout = TIMEOUT_MS) =>
  spawnSync(process.execPath, [join(BUNDLES, `${name}.mjs`), ...extra], { stdio: 'inherit', env, timeout, killSignal: 'SIGKILL' });

for (const name of selected) {
  rmSync(join('bench', 'results', `${name}.json`), { force: true });
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = run(name, [], TIMEOUT_OVERRIDES_MS[name] ?? TIMEOUT_MS);
  const status = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
  console.log(`=== ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ${status}`);
}
run('summary', selected);
