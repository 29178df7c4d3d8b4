// Cold start of `wheelhouse cluster`: spawn to the "ready at" line (printed once /readyz
// answers), on an empty data dir (certificates and bootstrap objects are created) and on a
// restart over existing state. A bare `node` start is measured alongside, for scale.
import { spawn } from 'node:child_process';
import { startServer } from './lib/cluster-process';
import { printTable, runBench } from './lib/report';
import { summarize } from './lib/stats';

const RUNS = 7;

function bareNodeMs(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore', env: {} });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - t0));
  });
}

await runBench('cold-start', async () => {
  const first: number[] = [];
  const restart: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = await startServer({ profileTag: 'cold-start/first' });
    first.push(fresh.readyMs);
    await fresh.stop();
    const again = await startServer({ dataDir: fresh.dataDir, profileTag: 'cold-start/restart' });
    restart.push(again.readyMs);
    await again.stop();
    again.cleanup();
    node.push(await bareNodeMs());
  }
  const figures = { firstStartMs: summarize(first), restartMs: summarize(restart), bareNodeMs: summarize(node) };
  printTable(
    `cold start, spawn to ready (${RUNS} runs each)`,
    ['case', 'median ms', 'p90 ms', 'max ms'],
    [
      ['first start (empty data dir)', figures.firstStartMs.p50, figures.firstStartMs.p90, figures.firstStartMs.max],
      ['restart (existing data dir)', figures.restartMs.p50, figures.restartMs.p90, figures.restartMs.max],
      ['bare `node -e 0`, for scale', figures.bareNodeMs.p50, figures.bareNodeMs.p90, figures.bareNodeMs.max],
    ],
  );
  return {
    figures,
    targets: {
      'firstStartMs.p50': { op: '<', value: 500, unit: 'ms' },
      'restartMs.p50': { op: '<', value: 500, unit: 'ms' },
    },
    headline: { 'firstStartMs.p90': 'ms', 'restartMs.p90': 'ms' },
  };
});
