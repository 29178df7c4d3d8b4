// Bundles the Node entry points with esbuild (dependencies stay in node_modules) and the
// renderer with Vite. `npm install` runs this through the prepare script.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

// Stale chunks from earlier builds would pile up: start from an empty dist/.
for (const dir of ['dist/core', 'dist/chunks', 'dist/electron']) rmSync(dir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { 'core/cli': 'core/cli.ts' },
  outdir: 'dist',
  format: 'esm',
  // The CLI imports the desktop launcher lazily; keep it a separate chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

if (existsSync('electron/main.ts')) {
  await build({ ...common, entryPoints: { 'electron/main': 'electron/main.ts' }, outdir: 'dist', format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
}
if (existsSync('electron/preload.ts')) {
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
}
if (existsSync('renderer/index.html')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ logLevel: 'warn' });
}
