import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './contract';
import { createPreloadApi, ipcEventChannel, ipcInvokeChannel, type IpcRendererLike } from './preload-api';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return 'ok';
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'electron-event' }, ...args);
  };
  return { ipc, invoked, listeners, emit };
}

// Channels a page might try that are not in the contract, including Electron-internal ones.
const refused = ['shell:openPath', 'fs:read', 'ELECTRON_BROWSER_REQUIRE', '', 'kube:request ', '__proto__', 'toString'];

describe('preload bridge allowlist', () => {
  it.each(refused)('refuses invoke on %j without touching IPC', async (channel) => {
    const { ipc, invoked } = fakeIpc();
    const api = createPreloadApi(ipc);
    // @ts-expect-error: a page calling outside the contract
    await expect(api.invoke(channel, null)).rejects.toThrow(/not allowed/);
    expect(invoked).toEqual([]);
  });

  it.each(refused)('refuses subscribing to %j', (channel) => {
    const { ipc, listeners } = fakeIpc();
    // @ts-expect-error: a page listening outside the contract
    expect(() => createPreloadApi(ipc).on(channel, () => undefined)).toThrow(/not allowed/);
    expect(listeners.size).toBe(0);
  });

  it.each(INVOKE_CHANNELS)('forwards invoke %s on its namespaced IPC channel', async (channel) => {
    const { ipc, invoked } = fakeIpc();
    await expect(createPreloadApi(ipc).invoke(channel, null)).resolves.toBe('ok');
    expect(invoked).toEqual([{ channel: ipcInvokeChannel(channel), args: [null] }]);
  });

  it.each(EVENT_CHANNELS)('delivers %s payloads without the Electron event, until unsubscribed', (channel) => {
    const { ipc, emit } = fakeIpc();
    const seen: unknown[][] = [];
    const off = createPreloadApi(ipc).on(channel, (...args: unknown[]) => seen.push(args));
    emit(ipcEventChannel(channel), { payload: 1 });
    off();
    emit(ipcEventChannel(channel), { payload: 2 });
    expect(seen).toEqual([[{ payload: 1 }]]);
  });
});
