// The core process in the desktop app: an Electron utilityProcess, a Node child that Electron
// starts and ends with the app, so a busy or crashed cluster never blocks the window.
import { utilityProcess } from 'electron';
import { coreChild } from './core-child';
import type { CoreOptions, CoreReady } from './protocol';
import type { ChildHandle } from './supervisor';

export function utilityCore(core: CoreOptions, entry: string): ChildHandle<CoreReady> {
  const child = utilityProcess.fork(entry, [JSON.stringify(core)], { serviceName: 'Wheelhouse cluster', stdio: 'inherit' });
  return coreChild({
    pid: child.pid,
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    // utilityProcess reports only a code; a crash by signal shows as a non-zero code.
    onExit: (listener) => child.once('exit', (code) => listener({ code, signal: null })),
    kill: () => child.kill(),
  });
}
