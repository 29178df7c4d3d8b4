// The core process under plain Node (web mode): a child_process fork rather than a
// worker_thread, because a worker shares the host's process: a native crash in it (SQLite)
// would take the web host down too, and the data dir's lock is one the kernel drops when a
// process ends, not a thread. A process is also what Electron's utilityProcess is, so both
// modes supervise the same thing and a test can kill it with a real signal.
import { fork } from 'node:child_process';
import { coreChild } from './core-child';
import type { CoreOptions, CoreReady } from './protocol';
import type { ChildHandle } from './supervisor';

export interface ForkOptions {
  /** The built entry (dist/electron/core-process.js), or the .ts source with tsx in execArgv. */
  entry: string;
  execArgv?: string[];
  /** The Node binary to run it with; default: this process's. */
  execPath?: string;
}

export function forkCore(core: CoreOptions, opts: ForkOptions): ChildHandle<CoreReady> {
  const child = fork(opts.entry, [JSON.stringify(core)], {
    execArgv: opts.execArgv ?? [],
    ...(opts.execPath ? { execPath: opts.execPath } : {}),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  return coreChild({
    pid: child.pid,
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
    kill: () => child.kill('SIGKILL'),
  });
}
