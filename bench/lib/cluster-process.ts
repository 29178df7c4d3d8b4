// Runs the built `wheelhouse cluster` CLI as a child process, the way a user starts it, so the
// server has its own core and this process is free to generate load. Times spawn-to-ready
// and, when BENCH_PROFILE_DIR is set, has the server write a V8 CPU profile on exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import * as yaml from 'js-yaml';
import type { ApiTarget } from './http-client';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO_ROOT, 'bin', 'wheelhouse.js');

export interface ServerOptions {
  /** Reuse a data dir (a restart); default: a fresh temp dir. */
  dataDir?: string;
  storage?: 'sqlite' | 'memory';
  /** Profile tag: the CPU profile goes to BENCH_PROFILE_DIR/<tag>/ when profiling is on. */
  profileTag?: string;
  /**
   * The API server alone (--control-plane-only): the API benchmarks measure the control plane,
   * not the scheduler and kubelets working on the objects they create.
   */
  controlPlaneOnly?: boolean;
}

export interface ServerProcess {
  target: ApiTarget;
  dataDir: string;
  pid: number;
  /** Milliseconds from spawn to the "ready at" line. */
  readyMs: number;
  /** Directory the CPU profile is written to on stop, if profiling. */
  profileDir?: string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** Removes the data dir (after stop). */
  cleanup(): void;
}

interface Kubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { user: { token: string } }[];
}

function readKubeconfig(file: string): ApiTarget {
  const kc = yaml.load(readFileSync(file, 'utf8')) as Kubeconfig;
  const cluster = kc.clusters[0]!.cluster;
  return {
    url: cluster.server,
    caPem: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
    token: kc.users[0]!.user.token,
  };
}

export function profileDirFor(tag: string | undefined): string | undefined {
  const root = process.env.BENCH_PROFILE_DIR;
  return root && tag ? join(root, tag) : undefined;
}

export async function startServer(opts: ServerOptions = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'wh-bench-'));
  const kubeconfig = join(dataDir, 'kubeconfig');
  const profileDir = profileDirFor(opts.profileTag);
  const env = { ...process.env };
  // This process may itself run under tsx's loader; the server runs the built CLI plainly.
  delete env.NODE_OPTIONS;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const args = [...nodeArgs, CLI, 'cluster', '--data-dir', dataDir, '--port', '0', '--kubeconfig', kubeconfig];
  if (opts.storage) args.push('--storage', opts.storage);
  if (opts.controlPlaneOnly) args.push('--control-plane-only');

  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const readyMs = await new Promise<number>((res, rej) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('ready at https://')) res(performance.now() - t0);
    });
    void exited.then(() => rej(new Error(`wheelhouse cluster exited before ready: ${stderr}`)));
  }).catch((e: unknown) => {
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  let stopping = false;
  void exited.then(() => {
    if (!stopping) console.error(`wheelhouse cluster (pid ${child.pid}) exited during the benchmark: ${stderr}`);
  });
  return {
    target: readKubeconfig(kubeconfig),
    dataDir,
    pid: child.pid!,
    readyMs,
    profileDir,
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      // A server that does not exit promptly is killed; the run must stay bounded.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
