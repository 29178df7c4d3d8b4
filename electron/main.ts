// Electron's main process: one sandboxed window on the app:// protocol, the bridge over IPC,
// and the embedded cluster (or a kubeconfig context) behind it.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, shell, type WebContents } from 'electron';
import { INVOKE_CHANNELS } from './bridge/contract';
import { ipcEventChannel, ipcInvokeChannel } from './bridge/preload-api';
import { BridgeHost, type AttachedSession } from './host/bridge-host';
import { startSupervisedCore } from './core-process/embedded-core';
import { forkCore } from './core-process/node-fork';
import { utilityCore } from './core-process/utility-process';
import { AppSettings } from './host/app-settings';
import { ClusterLifecycle } from './host/cluster-lifecycle';
import { contentSecurityPolicy } from './host/csp';
import { TerminalHost } from './host/terminal-host';
import { CHECKOUT_NODE_ENV, coreEntryPath, packageVersion, preloadPath, rendererDir } from './host/paths';
import { parseLaunchFlags } from './launch-flags';
import { readStaticFile } from './host/static-files';
import { installMenu } from './menu';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://renderer`;

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const flags = parseLaunchFlags(process.argv.slice(2), { strict: false });
// The cluster runs in a process of its own, off this event loop, so it never stalls the window:
// a utilityProcess in a packaged app, whose native modules electron-builder rebuilt for
// Electron; from a checkout (`npm start`) they are built for the Node that installed them, so
// the core runs under that Node instead (Electron's would refuse to load better-sqlite3).
const checkoutNode = app.isPackaged ? undefined : process.env[CHECKOUT_NODE_ENV];
const coreOptions = { dataDir: join(flags.dataDir, 'cluster'), port: flags.clusterPort };
const lifecycle = new ClusterLifecycle({
  settings: new AppSettings(join(flags.dataDir, 'settings.json')),
  startEmbedded: () =>
    startSupervisedCore(() =>
      checkoutNode ? forkCore(coreOptions, { entry: coreEntryPath(), execPath: checkoutNode }) : utilityCore(coreOptions, coreEntryPath()),
    ),
});
const terminals = new TerminalHost({ lifecycle, dataDir: flags.dataDir });
const bridge = new BridgeHost(
  lifecycle,
  { name: app.getName(), version: packageVersion(), mode: 'electron' },
  { openExternal: (url) => shell.openExternal(url), terminals },
);
const sessions = new Map<number, AttachedSession>();

function sessionFor(contents: WebContents): AttachedSession {
  let session = sessions.get(contents.id);
  if (!session) {
    const attached = bridge.attach({
      send: (channel, payload) => {
        if (!contents.isDestroyed()) contents.send(ipcEventChannel(channel), payload);
      },
    });
    sessions.set(contents.id, attached);
    contents.once('destroyed', () => {
      void attached.close();
      sessions.delete(contents.id);
    });
    session = attached;
  }
  return session;
}

function serveRenderer(): void {
  const root = rendererDir();
  const csp = contentSecurityPolicy();
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'renderer' ? await readStaticFile(root, url.pathname) : undefined;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function registerBridge(): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(ipcInvokeChannel(channel), (event, args: unknown) => {
      // Only our own page may use the bridge, never a frame that navigated elsewhere.
      if (!event.senderFrame?.url.startsWith(`${ORIGIN}/`)) throw new Error('bridge refused: foreign frame');
      return sessionFor(event.sender).invoke(channel, args);
    });
  }
}

// Every web contents: no navigation away from the app, no new windows, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'Wheelhouse',
    backgroundColor: '#14171c',
    show: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  installMenu();
  serveRenderer();
  registerBridge();
  createWindow();
  void lifecycle.select(lifecycle.preferred());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let stopping = false;
app.on('before-quit', (event) => {
  if (stopping) return;
  stopping = true;
  event.preventDefault();
  // No terminal's process outlives the app.
  void Promise.all([terminals.closeAll(), lifecycle.stop()]).finally(() => app.quit());
});
