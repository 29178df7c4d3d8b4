import type { BridgeApi } from '../electron/bridge/contract';

declare global {
  interface Window {
    /** Present in Electron, exposed by the preload; absent in web mode. */
    wheelhouse?: BridgeApi;
  }
}

export {};
