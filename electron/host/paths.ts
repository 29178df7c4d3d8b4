// Where the app's files are. Found by walking up from this module to the package root, so the
// answer is the same from the TypeScript sources, the esbuild bundles and a packaged app.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'wheelhouse') return dir;
    if (dirname(dir) === dir) throw new Error(`wheelhouse: no package root above ${from}`);
  }
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

export function packageVersion(root = packageRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

export const rendererDir = (root = packageRoot()) => join(root, 'dist', 'renderer');
export const electronMainPath = (root = packageRoot()) => join(root, 'dist', 'electron', 'main.js');
export const preloadPath = (root = packageRoot()) => join(root, 'dist', 'electron', 'preload.cjs');
export const coreEntryPath = (root = packageRoot()) => join(root, 'dist', 'electron', 'core-process.js');

/** Set by `npm start` for Electron: the Node binary the checkout's native modules were built for. */
export const CHECKOUT_NODE_ENV = 'WHEELHOUSE_CHECKOUT_NODE';
