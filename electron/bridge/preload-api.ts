// The object the preload exposes as window.wheelhouse: only the contract's channels, the
// Electron event stripped from every callback, and an unsubscribe function per listener.
// Kept free of Electron imports so it can be tested with a fake ipcRenderer.
import {
  isEventChannel,
  isInvokeChannel,
  type BridgeApi,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
} from './contract';

/** The IPC channel names the two directions travel on. */
export const ipcInvokeChannel = (channel: InvokeChannel) => `wheelhouse:invoke:${channel}`;
export const ipcEventChannel = (channel: EventChannel) => `wheelhouse:event:${channel}`;

/** The slice of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike): BridgeApi {
  return {
    invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      if (!isInvokeChannel(channel)) return Promise.reject(new Error(`bridge channel not allowed: ${String(channel)}`));
      return ipc.invoke(ipcInvokeChannel(channel), args) as Promise<InvokeResult<C>>;
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventChannel(channel)) throw new Error(`bridge event not allowed: ${String(channel)}`);
      if (typeof listener !== 'function') throw new Error('bridge listener must be a function');
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as EventPayload<E>);
      ipc.on(ipcEventChannel(channel), wrapped);
      return () => {
        ipc.removeListener(ipcEventChannel(channel), wrapped);
      };
    },
  };
}
