// `wheelhouse app` / `npm start`: the desktop app when Electron is installed, else the same
// app in the browser (web mode). `--web` forces web mode; `--no-open` keeps the browser shut.
// `wheelhouse web` is `app --web --no-open`.
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startSupervisedCore } from './core-process/embedded-core';
import { forkCore } from './core-process/node-fork';
import { AppSettings } from './host/app-settings';
import { ClusterLifecycle } from './host/cluster-lifecycle';
import { CHECKOUT_NODE_ENV, coreEntryPath, electronMainPath, packageRoot } from './host/paths';
import { TerminalHost } from './host/terminal-host';
import { parseLaunchFlags, type LaunchFlags } from './launch-flags';
import { startWebHost } from './web-host';

export async function launchApp(args: string[]): Promise<number> {
  const flags = parseLaunchFlags(args);
  const root = packageRoot();
  if (!flags.web) {
    const electron = await ensureElectron(root);
    if (electron && existsSync(electronMainPath(root))) return runElectron(electron, electronMainPath(root), args);
    console.warn(
      electron
        ? 'wheelhouse: dist/electron/main.js is missing (run `npm run build`); starting in web mode.'
        : 'wheelhouse: the Electron binary is not installed and could not be downloaded; starting in web mode.',
    );
  }
  return runWebMode(flags, root);
}

/** The Electron executable, downloading it first when it is missing and the network is up. */
async function ensureElectron(root: string): Promise<string | undefined> {
  const dir = electronPackageDir(root);
  if (!dir) return undefined;
  const found = electronBinary(dir);
  if (found || !(await online())) return found;
  console.log('wheelhouse: downloading Electron (first start)…');
  // The package's own installer; ELECTRON_SKIP_BINARY_DOWNLOAD would turn it into a no-op.
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: 'inherit', env, timeout: 300_000 });
  return electronBinary(dir);
}

function electronPackageDir(root: string): string | undefined {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** What require('electron') would return to Node: dist/<path.txt>, if it is really there. */
export function electronBinary(electronDir: string): string | undefined {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

async function online(): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref());
  return Promise.race([lookup('github.com').then(() => true, () => false), timeout]);
}

function runElectron(binary: string, main: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [main, ...args], { stdio: 'inherit', env: electronEnv(process.env, process.execPath) });
    child.once('error', (err) => {
      console.error(`wheelhouse: could not start Electron: ${err.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Electron's environment: the Node that installed the native modules (better-sqlite3 is built
 * for its ABI, not Electron's, in a checkout), so the desktop app can run the core under it.
 */
export function electronEnv(env: NodeJS.ProcessEnv, node: string): NodeJS.ProcessEnv {
  return { ...env, [CHECKOUT_NODE_ENV]: node };
}

async function runWebMode(flags: LaunchFlags, root: string): Promise<number> {
  const entry = coreEntryPath(root);
  const lifecycle = new ClusterLifecycle({
    settings: new AppSettings(join(flags.dataDir, 'settings.json')),
    startEmbedded: () => startSupervisedCore(() => forkCore({ dataDir: join(flags.dataDir, 'cluster'), port: flags.clusterPort }, { entry })),
  });
  for (const problem of lifecycle.kubeconfigProblems()) console.warn(`wheelhouse: kubeconfig ${problem} (its contexts are left out)`);
  lifecycle.onStatus((status) => {
    if (status.state === 'error') console.error(`wheelhouse: ${status.label}: ${status.message}`);
  });
  // Handlers first: a Ctrl-C while the cluster starts must still stop it cleanly.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const host = await startWebHost({ lifecycle, port: flags.port, terminals: new TerminalHost({ lifecycle, dataDir: flags.dataDir }) });
  console.log(`\nWheelhouse is running in web mode. Open this URL (it carries a one-time token):\n\n  ${host.url}\n`);
  void lifecycle.select(lifecycle.preferred());
  if (flags.open) openBrowser(host.url);
  await stopRequested;
  await host.close();
  await lifecycle.stop();
  console.log('wheelhouse: stopped');
  return 0;
}

function openBrowser(url: string): void {
  const [cmd, ...cmdArgs] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
  child.once('error', () => console.log('wheelhouse: could not open a browser; open the URL above yourself.'));
  child.unref();
}
