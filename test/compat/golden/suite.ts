// Golden tests of the built-in kubectl: each group of cases (test/compat/golden/<group>.cases.ts,
// run by <group>.test.ts on a cluster of its own, so groups run in parallel) runs with the real
// kubectl and with `wheelhouse kubectl`, and the two outputs (stdout, stderr, exit code),
// masked, must be identical. Each group ends by printing how many were.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import * as yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, targetFromKubeconfig, type ApiTarget } from '../../support/api-client';
import { CLI, startClusterProcess, type ClusterProcess } from '../../support/cluster-process';
import { haveKubectl, KUBECTL, kubectl, type KubectlResult } from '../../support/kubectl';
import { runKubectl } from '../../../core/kubectl/kubectl';
import { masked, SHARED_NAMESPACE, SHARED_SETUP, type GoldenCase } from './case';

/** Ours in this process: the same runKubectl with captured streams, without a Node start per case
 *  (two thirds of the suite's CPU went to starting processes). */
async function builtInHere(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<KubectlResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await runKubectl(args, {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    stdin: Readable.from(input ? [input] : []),
    env: { ...process.env, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

export interface GoldenOptions {
  /** More `wheelhouse cluster` flags for this group's cluster (e.g. a shorter metric resolution). */
  clusterArgs?: string[];
  /** Run ours as a process (`wheelhouse kubectl`): for groups whose commands give the terminal to another
   *  process (an editor, an attached container), and to cover the entry point itself. */
  viaCli?: boolean;
}

export function goldenSuite(group: string, cases: GoldenCase[], { clusterArgs = [], viaCli = false }: GoldenOptions = {}): void {
  if (!haveKubectl) console.warn(`SKIPPED kubectl golden tests (${group}): no kubectl at ${KUBECTL}`);
  describe.skipIf(!haveKubectl)(`kubectl golden (${group}): the built-in kubectl prints what the real one prints`, () => {
    let cluster: ClusterProcess;
    let target: ApiTarget;
    let dir: string;
    let serial = 0;
    const results: { name: string; same: boolean }[] = [];

    /** A kubeconfig like the cluster's whose context uses `namespace`. */
    function kubeconfigFor(namespace: string): string {
      const config = yaml.load(readFileSync(cluster.kubeconfig, 'utf8')) as { contexts: { context: { namespace?: string } }[] };
      for (const c of config.contexts) c.context.namespace = namespace;
      const file = join(dir, `kubeconfig-${namespace}`);
      writeFileSync(file, yaml.dump(config), { mode: 0o600 });
      return file;
    }

    const real = (kubeconfig: string, args: string[], input?: string, env?: NodeJS.ProcessEnv) =>
      kubectl(kubeconfig, args, { input, env: { KUBECACHEDIR: join(dir, 'kubectl-cache'), ...env } });

    async function mustReal(kubeconfig: string, args: string[]): Promise<void> {
      const r = await real(kubeconfig, args);
      if (r.code !== 0) throw new Error(`setup kubectl ${args.join(' ')} failed: ${r.stderr}`);
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wh-golden-'));
      cluster = await startClusterProcess({ extraArgs: ['--storage', 'memory', ...clusterArgs] });
      target = targetFromKubeconfig(cluster.kubeconfig);
      for (const args of SHARED_SETUP) await mustReal(cluster.kubeconfig, args);
    });

    afterAll(async () => {
      const same = results.filter((r) => r.same).length;
      console.log(`kubectl golden (${group}): ${same} of ${results.length} cases identical${same < results.length ? `; different: ${results.filter((r) => !r.same).map((r) => r.name).join(', ')}` : ''}`);
      await cluster?.stop();
      cluster?.cleanup();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** One side of a case: its namespace prepared, the command run. */
    async function side(c: GoldenCase, which: 'real' | 'ours', run: typeof real): Promise<{ result: KubectlResult; namespace?: string; fileDir: string }> {
      let namespace: string | undefined;
      let kubeconfig = kubeconfigFor(SHARED_NAMESPACE);
      if (c.isolated) {
        namespace = `g${String(serial).padStart(3, '0')}${which === 'real' ? 'a' : 'b'}`;
        // Straight to the API: a kubectl process per namespace was a third of an isolated case's time.
        const created = await api(target, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
        if (created.status !== 201) throw new Error(`creating namespace ${namespace}: ${created.status} ${created.text}`);
        kubeconfig = kubeconfigFor(namespace);
      }
      const fileDir = mkdtempSync(join(dir, 'files-'));
      for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(join(fileDir, name), text.replaceAll('$NS', namespace ?? SHARED_NAMESPACE));
      const expand = (a: string) => a.replaceAll('$NS', namespace ?? SHARED_NAMESPACE).replaceAll('$DIR', fileDir);
      if (c.isolated) for (const args of c.setup ?? []) await mustReal(kubeconfig, args.map(expand));
      const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, expand(v)]));
      const result = await run(kubeconfig, c.args.map(expand), c.input, env);
      // Files the command wrote are compared too, after its output.
      for (const name of c.filesAfter ?? []) {
        const path = join(fileDir, name);
        result.stdout += `--- ${name} ---\n${existsSync(path) ? readFileSync(path, 'utf8') : '(none)\n'}`;
      }
      return { result, namespace, fileDir };
    }

    for (const c of cases) {
      const name = c.title ?? `kubectl ${c.args.join(' ')}`;
      it(name, async () => {
        serial++;
        const theirs = await side(c, 'real', real);
        const ours = await side(c, 'ours', (kubeconfig, args, input, env) =>
          viaCli
            ? kubectl(kubeconfig, args, { input: input ?? '', env, command: [process.execPath, CLI, 'kubectl'] })
            : builtInHere(args, { KUBECONFIG: kubeconfig, ...env }, input),
        );
        // Each side has its own file directory: shown as $DIR.
        const view = (s: { result: KubectlResult; namespace?: string; fileDir: string }) => ({
          exit: s.result.code,
          stdout: masked(s.result.stdout.replaceAll(s.fileDir, '$DIR'), c, s.namespace),
          stderr: masked(s.result.stderr.replaceAll(s.fileDir, '$DIR'), c, s.namespace),
        });
        const same = JSON.stringify(view(theirs)) === JSON.stringify(view(ours));
        results.push({ name: `${group}: ${name}`, same });
        expect(view(ours)).toEqual(view(theirs));
      });
    }
  });
}
