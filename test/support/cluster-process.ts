// Starts `wheelhouse cluster` (the built CLI, as a user runs it) on a free port in a temp
// directory and stops it again. Compatibility, persistence and fault tests share this.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO_ROOT, 'bin', 'wheelhouse.js');

export interface ClusterProcess {
  dataDir: string;
  kubeconfig: string;
  url: string;
  process: ChildProcess;
  /** What the cluster has written to stderr so far (for diagnosing a crash). */
  stderr(): string;
  /** SIGTERM and wait for exit; resolves to the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  /** Removes the data dir (after stop). */
  cleanup(): void;
}

export interface StartOptions {
  dataDir?: string;
  extraArgs?: string[];
  /** The umask to run the cluster under (default: this process's). */
  umask?: number;
}

export async function startClusterProcess(opts: StartOptions = {}): Promise<ClusterProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'wh-cluster-'));
  const kubeconfig = join(dataDir, 'kubeconfig');
  const args = [CLI, 'cluster', '--data-dir', dataDir, '--port', '0', '--kubeconfig', kubeconfig, ...(opts.extraArgs ?? [])];
  // Through a shell that sets the umask and then becomes node, so the child's pid is node's.
  const [command, argv] =
    opts.umask === undefined
      ? [process.execPath, args]
      : ['/bin/sh', ['-c', `umask ${opts.umask.toString(8)} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /ready at (https:\/\/\S+)/.exec(line);
      if (m) res(m[1]!);
    });
    void exited.then((code) => rej(new Error(`wheelhouse cluster exited (${code}) before ready: ${stderr}`)));
  });
  return {
    dataDir,
    kubeconfig,
    url,
    process: child,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
