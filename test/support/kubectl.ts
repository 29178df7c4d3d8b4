// Runs the real kubectl against a test cluster. When kubectl is missing the compatibility
// suites skip loudly (and the skip is counted), never pass silently.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
export const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) console.warn(`\n*** kubectl not found at ${KUBECTL}: kubectl compatibility tests are SKIPPED ***\n`);

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `command`: another kubectl to run, e.g. [node, cli, 'kubectl'] for the built-in one. */
export function kubectl(kubeconfig: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; command?: string[] } = {}): Promise<KubectlResult> {
  const [program, ...before] = opts.command ?? [KUBECTL];
  return new Promise((resolve) => {
    const child = execFile(
      program!,
      [...before, ...args],
      { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: process.env.HOME, ...opts.env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/** kubectl that must succeed: returns stdout, throws with stderr otherwise. */
export async function kubectlOk(kubeconfig: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const r = await kubectl(kubeconfig, args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Starts a long-running kubectl (get -w, logs -f); lines arrive through onLine. `command`: the
 * kubectl to run (e.g. node and wheelhouse's CLI with `kubectl`), the real one by default.
 */
export function kubectlStream(kubeconfig: string, args: string[], onLine: (line: string) => void, command: string[] = [KUBECTL]) {
  const child = spawn(command[0]!, [...command.slice(1), ...args], { env: { ...process.env, KUBECONFIG: kubeconfig } });
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  return { stop: (signal: NodeJS.Signals = 'SIGTERM') => child.kill(signal), child };
}
