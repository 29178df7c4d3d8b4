// The renderer's only door to the world. Which transport carries it (Electron IPC through
// the preload, or a WebSocket in web mode) is decided here, once; nothing else knows.
import type { BridgeApi } from '../../electron/bridge/contract';
import { connectWebSocketBridge } from './ws-transport';

let bridge: BridgeApi | undefined;

export function getBridge(): BridgeApi {
  bridge ??= window.wheelhouse ?? connectWebSocketBridge(new URL('/bridge', location.href.replace(/^http/, 'ws')).href);
  return bridge;
}

/** Lets tests and previews run the app on a fake host. */
export function setBridge(fake: BridgeApi): void {
  bridge = fake;
}
