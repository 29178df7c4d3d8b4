// Bundles the Node entry points with esbuild (dependencies stay in node_modules) and the
// renderer with Vite. `npm install` runs this through the prepare script.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';

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

// Pure-JS dependencies the core loads at start are bundled into it: Node resolving and
// compiling jose or cron-parser file by file costs tens of milliseconds of every cluster start.
// Native modules, Electron and the desktop host's dependencies stay in node_modules.
const BUNDLED = ['cron-parser', 'jose', 'js-yaml', 'jsonpath-plus', 'fast-json-patch', 'sorted-btree'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => !BUNDLED.includes(d));

// Bundled CommonJS code may require Node's built-ins; ES modules have no require of their own.
const requireBanner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

// `wheelhouse kubectl` is a bundle of its own, with the one part of @kubernetes/client-node it
// uses (KubeConfig) inside: loaded from node_modules, client-node's 2,500 generated files cost
// every kubectl command about a second. In the shared build, `wheelhouse node`'s use of
// CoreV1Api would pull those files into the chunk kubectl loads.
const KUBECTL_BUNDLE = './kubectl.js';
await build({
  ...common,
  packages: undefined,
  external: external.filter((d) => d !== '@kubernetes/client-node'),
  banner: requireBanner,
  entryPoints: { 'core/kubectl': 'core/kubectl/kubectl.ts' },
  outdir: 'dist',
  format: 'esm',
});
/** The CLI's `import('./kubectl/kubectl')` loads that bundle (dist/core/kubectl.js). */
const kubectlBundle = {
  name: 'kubectl-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/kubectl\/kubectl$/ }, () => ({ path: KUBECTL_BUNDLE, external: true }));
  },
};

await build({
  ...common,
  packages: undefined,
  external,
  banner: requireBanner,
  plugins: [kubectlBundle],
  // The embedded cluster's own process (electron/core-process/) loads the core like the CLI.
  entryPoints: { 'core/cli': 'core/cli.ts', 'electron/core-process': 'electron/core-process/entry.ts' },
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
