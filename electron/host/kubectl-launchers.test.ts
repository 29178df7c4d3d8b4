// The bin directory's kubectl and k: the first other kubectl on PATH when there is one,
// else `wheelhouse kubectl` through the app's Node and bin/wheelhouse.js.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLaunchers } from './kubectl-launchers';
import { packageRoot } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'wh-launchers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = join(dir, 'wheelhouse bin');
/** A stand-in for a program: prints its name and arguments. */
function fakeProgram(path: string, name: string): void {
  writeFileSync(path, `#!/bin/sh\necho "${name}: $*"\n`);
  chmodSync(path, 0o755);
}

const run = (program: string, path: string, ...args: string[]) =>
  execFileSync(join(bin, program), args, { env: { PATH: path }, encoding: 'utf8' }).trim();

describe.skipIf(process.platform === 'win32')('kubectl launchers', () => {
  const fakeNode = join(dir, 'node');
  fakeProgram(fakeNode, 'node');
  writeLaunchers(bin, { node: fakeNode, cli: '/opt/wheelhouse/bin/wheelhouse.js' });
  const empty = join(dir, 'empty');
  const userBin = join(dir, 'user bin');
  mkdirSync(empty);
  mkdirSync(userBin);
  fakeProgram(join(userBin, 'kubectl'), 'user kubectl');

  it("runs the user's kubectl, skipping its own directory, with the arguments as given", () => {
    expect(run('kubectl', `${bin}:${empty}::${userBin}`, 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}')).toBe(
      'user kubectl: get pods -o jsonpath={.items[*].metadata.name}',
    );
    expect(run('k', `${bin}:${userBin}`, 'get', 'nodes')).toBe('user kubectl: get nodes');
  });

  it('runs the built-in kubectl when PATH has no other', () => {
    expect(run('kubectl', `${bin}:${empty}`, 'version', '--client')).toBe('node: /opt/wheelhouse/bin/wheelhouse.js kubectl version --client');
    expect(run('k', bin, 'get', 'ns')).toBe('node: /opt/wheelhouse/bin/wheelhouse.js kubectl get ns');
  });

  it("reaches Wheelhouse's CLI through the real Node and bin/wheelhouse.js", () => {
    const realBin = join(dir, 'real');
    writeLaunchers(realBin, { node: process.execPath, cli: join(packageRoot(), 'bin', 'wheelhouse.js') });
    // No other kubectl is on this PATH: pflag's refusal, as the built-in words it, proves the
    // launcher reached `wheelhouse kubectl` (npm test builds dist/ first).
    let out = '';
    try {
      execFileSync(join(realBin, 'kubectl'), ['get', '--bogus'], { env: { PATH: `${realBin}:${empty}` }, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      out = String((err as { stderr?: string }).stderr);
    }
    expect(out).toBe("Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
  });
});
