// The terminal's bin directory, first on its PATH: `kubectl` runs the first other kubectl on
// PATH (the user's own, whatever version they chose) and Wheelhouse's built-in one when there
// is none; `k` runs the same as `kubectl`, in every shell, rc files or not. Launchers are sh
// scripts (.cmd files on Windows) written at the first terminal of each start, so they always
// point at the running app's own files.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../../core/machinery/private-files';

/** The built-in kubectl as a command line: `wheelhouse kubectl` run by the app's own Node. */
export interface BuiltinKubectl {
  /** Node, or Electron's binary (run as Node through ELECTRON_RUN_AS_NODE). */
  node: string;
  /** bin/wheelhouse.js */
  cli: string;
}

export function writeLaunchers(binDir: string, builtin: BuiltinKubectl, platform: NodeJS.Platform = process.platform): void {
  ensurePrivateDir(binDir);
  const windows = platform === 'win32';
  const files = windows
    ? { 'kubectl.cmd': kubectlCmd(binDir, builtin), 'k.cmd': `@"${join(binDir, 'kubectl.cmd')}" %*\r\n` }
    : { kubectl: kubectlSh(binDir, builtin), k: `#!/bin/sh\nexec ${shQuote(join(binDir, 'kubectl'))} "$@"\n` };
  for (const [name, text] of Object.entries(files)) {
    const file = join(binDir, name);
    writePrivateFile(file, text);
    if (!windows) chmodSync(file, 0o700);
  }
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Uses only the shell's builtins, so it works whatever else PATH lacks. */
function kubectlSh(binDir: string, builtin: BuiltinKubectl): string {
  return `#!/bin/sh
# Wheelhouse's kubectl: the first other kubectl on PATH, else the built-in one.
self=${shQuote(join(binDir, 'kubectl'))}
rest=$PATH
while [ -n "$rest" ]; do
  dir=\${rest%%:*}
  case $rest in *:*) rest=\${rest#*:} ;; *) rest= ;; esac
  [ -n "$dir" ] || continue
  if [ -f "$dir/kubectl" ] && [ -x "$dir/kubectl" ] && ! [ "$dir/kubectl" -ef "$self" ]; then
    exec "$dir/kubectl" "$@"
  fi
done
ELECTRON_RUN_AS_NODE=1 exec ${shQuote(builtin.node)} ${shQuote(builtin.cli)} kubectl "$@"
`;
}

function kubectlCmd(binDir: string, builtin: BuiltinKubectl): string {
  return [
    '@echo off',
    'setlocal',
    'rem Wheelhouse\'s kubectl: the first other kubectl on PATH, else the built-in one.',
    `for %%D in ("%PATH:;=";"%") do if /I not "%%~D"=="${binDir}" if exist "%%~D\\kubectl.exe" ("%%~D\\kubectl.exe" %* & exit /b)`,
    'set ELECTRON_RUN_AS_NODE=1',
    `"${builtin.node}" "${builtin.cli}" kubectl %*`,
    '',
  ].join('\r\n');
}
