// A core process as the supervisor sees it, whatever started it: Node's fork and Electron's
// utilityProcess both come down to a port that posts messages and reports its exit.
import type { CoreMessage, CoreReady, HostMessage } from './protocol';
import type { ChildHandle, ExitInfo } from './supervisor';
import { describeExit } from './supervisor';

export interface ProcessPort {
  pid?: number;
  postMessage(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: ExitInfo) => void): void;
  kill(): void;
}

export function coreChild(port: ProcessPort): ChildHandle<CoreReady> {
  const exited = new Promise<ExitInfo>((resolve) => port.onExit(resolve));
  const ready = new Promise<CoreReady>((resolve, reject) => {
    port.onMessage((raw) => {
      const message = raw as CoreMessage;
      if (message?.type === 'ready') resolve(message);
      else if (message?.type === 'failed') reject(new Error(message.message));
    });
    void exited.then((exit) => reject(new Error(`the embedded cluster's process ${describeExit(exit)} before it was ready`)));
  });
  ready.catch(() => undefined); // a restarted child's failure is reported through its exit
  return {
    pid: port.pid,
    ready,
    exited,
    requestStop: () => port.postMessage({ type: 'stop' }),
    kill: () => port.kill(),
  };
}
