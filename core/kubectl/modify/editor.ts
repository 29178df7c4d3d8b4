// The editor kubectl edit opens (KUBE_EDITOR, then EDITOR, else vi) on a temporary file, run
// as kubectl's editor package runs it: a plain command split at spaces, or through
// `$SHELL -c` when it has quotes or backslashes; the terminal is handed to it.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The editor's command line, without the file (defaultEnvEditor). */
export function editorCommand(env: NodeJS.ProcessEnv): { args: string[]; shell: boolean } {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/sh', '-c', editor], shell: true };
}

/** The command line for a file: its path as one more argument, or quoted at the end of the shell's script. */
export function editorArgs(editor: { args: string[]; shell: boolean }, path: string): string[] {
  if (!editor.shell) return [...editor.args, path];
  return [...editor.args.slice(0, -1), `${editor.args.at(-1)} ${JSON.stringify(path)}`];
}

/** os.CreateTemp's name: the prefix, a random number, the suffix. */
export function tempFileName(prefix: string, suffix: string): string {
  return join(tmpdir(), `${prefix}${randomInt(0, 2 ** 32)}${suffix}`);
}

/** Writes content to a new temporary file, runs the editor on it and reads it back (LaunchTempFile). */
export async function editInTempFile(content: string, suffix: string, env: NodeJS.ProcessEnv): Promise<{ edited: string; file: string }> {
  const file = tempFileName('kubectl-edit-', suffix);
  writeFileSync(file, content, { mode: 0o600 });
  const editor = editorCommand(env);
  const [command, ...args] = editorArgs(editor, file);
  const outcome = await new Promise<'ok' | 'missing' | 'failed'>((resolve) => {
    const child = spawn(command!, args, { stdio: 'inherit', env });
    child.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ENOENT' ? 'missing' : 'failed'));
    child.on('exit', (code) => resolve(code === 0 ? 'ok' : 'failed'));
  });
  const shown = editor.args.join(' ');
  if (outcome === 'missing') throw new Error(`unable to launch the editor ${JSON.stringify(shown)}`);
  if (outcome === 'failed') throw new Error(`there was a problem with the editor ${JSON.stringify(shown)}`);
  return { edited: readFileSync(file, 'utf8'), file };
}
