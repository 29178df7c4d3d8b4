// Shared fixture of the kubectl compatibility suites: one `wheelhouse cluster` per test file,
// kubectl bound to its kubeconfig (with its own discovery cache, so a stale cache from an
// earlier cluster on the same port never answers), and helpers to read kubectl's tables.
import { afterAll, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { CLI, startClusterProcess, type ClusterProcess } from '../support/cluster-process';
import { kubectl, kubectlStream, type KubectlResult } from '../support/kubectl';

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CompatCluster {
  readonly kubeconfig: string;
  /** Runs kubectl; never throws. */
  run(args: string[], opts?: RunOptions): Promise<KubectlResult>;
  /** Runs kubectl that must exit 0; returns stdout, throws with the command and stderr otherwise. */
  ok(args: string[], opts?: RunOptions): Promise<string>;
  /** Starts a long-running kubectl (get -w), or with builtIn `wheelhouse kubectl`; see watchLines. */
  stream(args: string[], onLine: (line: string) => void, builtIn?: boolean): ReturnType<typeof kubectlStream>;
  /** `wheelhouse <args> --kubeconfig <cluster>`, as a user runs it; rejects with its stderr. */
  wheelhouse(args: string[]): Promise<string>;
}

export interface UseClusterOptions {
  /** More `wheelhouse cluster` flags (shorter periods, node count, storage). */
  extraArgs?: string[];
}

/** Registers beforeAll/afterAll that start and stop one cluster for the calling file. */
export function useCluster(opts: UseClusterOptions = {}): CompatCluster {
  let proc: ClusterProcess | undefined;
  const env = (): NodeJS.ProcessEnv => ({ KUBECACHEDIR: join(proc!.dataDir, 'kubectl-cache') });
  const cluster: CompatCluster = {
    get kubeconfig() {
      return proc!.kubeconfig;
    },
    run: (args, opts = {}) => kubectl(proc!.kubeconfig, args, { input: opts.input, env: { ...env(), ...opts.env } }),
    async ok(args, opts) {
      const r = await cluster.run(args, opts);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    stream(args, onLine, builtIn) {
      return kubectlStream(proc!.kubeconfig, ['--cache-dir', join(proc!.dataDir, 'kubectl-cache'), ...args], onLine, builtIn ? [process.execPath, CLI, 'kubectl'] : undefined);
    },
    wheelhouse: (args) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [CLI, ...args, '--kubeconfig', proc!.kubeconfig], (err, stdout, stderr) =>
          err ? reject(new Error(`wheelhouse ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
        ),
      ),
  };
  beforeAll(async () => {
    proc = await startClusterProcess({ extraArgs: opts.extraArgs });
  });
  afterAll(async () => {
    if (!proc) return;
    // A cluster that died mid-file explains every later failure: show why.
    if (proc.process.exitCode !== null) console.error(`wheelhouse cluster exited early (${proc.process.exitCode}):\n${proc.stderr()}`);
    await proc.stop();
    proc.cleanup();
  });
  return cluster;
}

/** YAML stream of the given objects, as a user's multi-document file. */
export function manifests(...objects: object[]): string {
  return objects.map((o) => yaml.dump(o)).join('---\n');
}

/** kubectl's table output split into cells: tabwriter pads columns with at least 3 spaces,
 *  while multi-word headers ("LAST SEEN") hold single spaces. */
export function cells(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

export function headerOf(out: string): string[] {
  return cells(out.split('\n')[0] ?? '');
}

/** Data rows of a table, each split into cells. */
export function rowsOf(out: string): string[][] {
  return out
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map(cells);
}

/** The row whose cell at `col` (default: first) equals `name`. */
export function rowNamed(out: string, name: string, col = 0): string[] | undefined {
  return rowsOf(out).find((r) => r[col] === name);
}

export interface WatchedLines {
  /** Every line printed so far. */
  lines: string[];
  /** Resolves with the lines once `done` holds (checked as each line arrives); rejects if kubectl exits first. */
  until(done: (lines: string[]) => boolean): Promise<string[]>;
  /** Resolves with kubectl's exit code. */
  exited: Promise<number | null>;
  /** null while kubectl runs. */
  exitCode(): number | null;
  /** Ends kubectl with the signal (SIGTERM by default). */
  stop(signal?: NodeJS.Signals): void;
}

/** Runs a long-lived kubectl (get -w), the built-in one with builtIn, and lets the test await the lines it expects. */
export function watchLines(cluster: CompatCluster, args: string[], opts: { builtIn?: boolean } = {}): WatchedLines {
  const lines: string[] = [];
  const waiters = new Set<{ done: (l: string[]) => boolean; resolve: (l: string[]) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const check = () => {
    for (const w of waiters) {
      if (w.done(lines)) {
        waiters.delete(w);
        w.resolve([...lines]);
      }
    }
  };
  const s = cluster.stream(
    args,
    (line) => {
      lines.push(line);
      check();
    },
    opts.builtIn,
  );
  let stderr = '';
  s.child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => s.child.once('close', resolve));
  s.child.once('close', (code) => {
    const err = new Error(`kubectl ${args.join(' ')} exited (${code}) after lines ${JSON.stringify(lines)}: ${stderr}`);
    failure = err;
    for (const w of waiters) w.reject(err);
    waiters.clear();
  });
  return {
    lines,
    until(done) {
      if (done(lines)) return Promise.resolve([...lines]);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiters.add({ done, resolve, reject }));
    },
    exited,
    exitCode: () => s.child.exitCode,
    stop: (signal) => void s.stop(signal),
  };
}

/** A fresh namespace name per test, so tests in one file never see each other's objects. */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid.toString(36)}-${counter}`;
}

/** Creates a namespace from a manifest (a JSON body, so it works whatever the protobuf state). */
export async function newNamespace(cluster: CompatCluster, prefix = 'ns'): Promise<string> {
  const name = uniqueName(prefix);
  await cluster.ok(['create', '-f', '-'], { input: manifests({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }) });
  return name;
}
