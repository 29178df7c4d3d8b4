// Terminals for the whole host: prepares each tab (its kubeconfig, the kubectl launchers, the
// user's shell and environment) and keeps every bridge session's terminals, so that closing
// the host ends all of their processes.
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { PtyStart } from '../bridge/contract';
import { ensurePrivateDir } from '../../core/machinery/private-files';
import type { ClusterLifecycle } from './cluster-lifecycle';
import { writeLaunchers, type BuiltinKubectl } from './kubectl-launchers';
import { CHECKOUT_NODE_ENV, packageRoot } from './paths';
import { PtySessions, type PtyLaunch } from './pty-sessions';
import { terminalEnv, userShell } from './terminal-env';
import { writeTerminalKubeconfig } from './terminal-kubeconfig';

export interface TerminalHostOptions {
  lifecycle: Pick<ClusterLifecycle, 'contextSource'>;
  /** The app's data dir: terminal/ in it holds the launchers and the tabs' kubeconfigs. */
  dataDir: string;
  /** Default: the checkout's Node (Electron from a checkout) or this process's, and bin/wheelhouse.js. */
  builtinKubectl?: BuiltinKubectl;
  /** The environment tabs start from; default this process's. */
  env?: NodeJS.ProcessEnv;
}

export class TerminalHost {
  private readonly all = new Set<PtySessions>();
  private readonly dir: string;
  private launchersWritten = false;

  constructor(private readonly opts: TerminalHostOptions) {
    this.dir = join(opts.dataDir, 'terminal');
  }

  /** The terminals of one bridge session; its dispose() ends them. */
  attach(emit: ConstructorParameters<typeof PtySessions>[0]): PtySessions {
    const sessions = new PtySessions(emit, (start) => this.launch(start));
    this.all.add(sessions);
    return sessions;
  }

  /** A bridge session ended: its terminals end with it. */
  async release(sessions: PtySessions): Promise<void> {
    this.all.delete(sessions);
    await sessions.dispose();
  }

  /** Ends every terminal of every session; resolves once no process of theirs is left. */
  async closeAll(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }

  private async launch(start: PtyStart): Promise<PtyLaunch> {
    const source = await this.opts.lifecycle.contextSource(start.cluster);
    const binDir = join(this.dir, 'bin');
    const tabsDir = join(this.dir, 'tabs');
    ensurePrivateDir(this.dir);
    ensurePrivateDir(tabsDir);
    if (!this.launchersWritten) {
      writeLaunchers(binDir, this.opts.builtinKubectl ?? defaultBuiltin());
      this.launchersWritten = true;
    }
    const file = join(tabsDir, `${randomUUID()}.kubeconfig`);
    const kubeconfig = writeTerminalKubeconfig(file, source, start.namespace);
    const env = this.opts.env ?? process.env;
    return {
      file: userShell(env),
      args: [],
      env: terminalEnv(env, binDir, kubeconfig),
      cwd: homedir(),
      context: source.context,
      dispose: () => rmSync(file, { force: true }),
    };
  }
}

function defaultBuiltin(): BuiltinKubectl {
  return { node: process.env[CHECKOUT_NODE_ENV] ?? process.execPath, cli: join(packageRoot(), 'bin', 'wheelhouse.js') };
}
