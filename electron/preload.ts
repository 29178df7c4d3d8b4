// Runs in the sandboxed renderer before the page: exposes the bridge allowlist, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './bridge/preload-api';

contextBridge.exposeInMainWorld('wheelhouse', createPreloadApi(ipcRenderer));
