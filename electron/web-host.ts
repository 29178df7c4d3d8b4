// Web mode: the same host under plain Node. Serves the built renderer and the bridge (a
// WebSocket at /bridge) on 127.0.0.1 only, behind a one-time token traded for a session cookie.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from './bridge/contract';
import { BridgeHost } from './host/bridge-host';
import type { ClusterLifecycle } from './host/cluster-lifecycle';
import { contentSecurityPolicy } from './host/csp';
import { packageVersion, rendererDir } from './host/paths';
import { readStaticFile } from './host/static-files';
import type { TerminalHost } from './host/terminal-host';
import { WebAuth } from './host/web-auth';

export interface WebHostOptions {
  lifecycle: ClusterLifecycle;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; default dist/renderer. */
  rendererRoot?: string;
  /** Terminals for the signed-in page; without them pty:* channels are refused. Closing the host ends them. */
  terminals?: TerminalHost;
}

export interface WebHost {
  /** The URL to open: its token works for one sign-in. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const auth = new WebAuth();
  const root = opts.rendererRoot ?? rendererDir();
  const bridge = new BridgeHost(opts.lifecycle, { name: 'Wheelhouse', version: packageVersion(), mode: 'web' }, { terminals: opts.terminals });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  let csp = '';

  const server = createServer((req, res) => {
    setSecurityHeaders(res, csp);
    void serve(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`internal error: ${err.message}`);
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = auth.check(req, { websocket: false });
    if (verdict.ok === 'redirect') {
      res.writeHead(302, { Location: verdict.location, ...(verdict.cookie && { 'Set-Cookie': verdict.cookie }) }).end();
      return;
    }
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(verdict.message + '\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(root, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found (is the renderer built? run `npx vite build`)\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = auth.check(req, { websocket: true });
    if (verdict.ok !== true || new URL(req.url ?? '/', 'http://x').pathname !== '/bridge') {
      const status = verdict.ok === false ? verdict.status : 404;
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveBridge(ws));
  });

  function serveBridge(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const session = bridge.attach({ send: (channel, payload) => send({ kind: 'event', channel, payload }) });
    ws.on('message', (data) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(String(data)) as ClientFrame;
      } catch {
        return ws.close(1003, 'bad frame');
      }
      if (frame?.kind !== 'invoke' || typeof frame.seq !== 'number') return ws.close(1003, 'bad frame');
      session.invoke(frame.channel, frame.args).then(
        (result) => send({ kind: 'result', seq: frame.seq, ok: true, result }),
        (err: Error) => send({ kind: 'result', seq: frame.seq, ok: false, error: err.message }),
      );
    });
    ws.on('close', () => void session.close());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  auth.setPort(port);
  const origin = `http://${LOOPBACK}:${port}`;
  csp = contentSecurityPolicy([`ws://${LOOPBACK}:${port}`, `ws://localhost:${port}`]);

  return {
    url: `${origin}/?token=${auth.token}`,
    origin,
    port,
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), opts.terminals?.closeAll()]);
    },
  };
}

function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}
