// What a terminal tab runs: the user's shell, with Wheelhouse's bin directory first on PATH
// (its kubectl and k launchers) and KUBECONFIG set to the tab's files.
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';

/** $SHELL, else bash, else sh; PowerShell on Windows. */
export function userShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists = existsSync): string {
  if (platform === 'win32') return 'powershell.exe';
  if (env.SHELL && exists(env.SHELL)) return env.SHELL;
  return ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find((p) => exists(p)) ?? '/bin/sh';
}

/** Variables of the app's own process that must not reach the user's shell. */
const HOST_ONLY = ['ELECTRON_RUN_AS_NODE', 'WHEELHOUSE_CHECKOUT_NODE'];

export function terminalEnv(base: NodeJS.ProcessEnv, binDir: string, kubeconfig: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined && !HOST_ONLY.includes(key)) env[key] = value;
  // Windows spells it Path; whichever the host has is the one to extend.
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = [binDir, env[pathKey]].filter(Boolean).join(delimiter);
  env.KUBECONFIG = kubeconfig.join(delimiter);
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  env.TERM_PROGRAM = 'Wheelhouse';
  return env;
}
