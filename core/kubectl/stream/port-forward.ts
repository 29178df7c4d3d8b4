// Port forwarding as client-go's PortForwarder does it, over one SPDY session tunneled in a
// WebSocket (subprotocol SPDY/3.1+portforward.k8s.io, the session's bytes in binary
// messages): local listeners on each address, and per accepted connection an error stream
// and a data stream with the headers streamType, port and requestID.
import { createServer, type Server, type Socket } from 'node:net';
import type WebSocket from 'ws';
import { SpdySession, type SpdyStream } from './spdy';
import { klog } from '../klog';

export const PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

export interface ForwardedPort {
  local: number;
  remote: number;
}

export interface ListenAddress {
  address: string;
  /** "all": fail only when every localhost address fails; "any": an explicit address must work. */
  failureMode: 'all' | 'any';
}

function parsePortNumber(text: string, which: string): number {
  const why = /^\d+$/.test(text) ? (Number(text) > 65535 ? 'value out of range' : '') : 'invalid syntax';
  if (why) throw new Error(`error parsing ${which} port '${text}': strconv.ParseUint: parsing "${text}": ${why}`);
  return Number(text);
}

/** `5000`, `8888:5000`, `:5000` and `0:5000` (a random local port). */
export function parsePorts(specs: string[]): ForwardedPort[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new Error(`invalid port format '${spec}'`);
    const [local, remote] = parts.length === 1 ? [parts[0]!, parts[0]!] : [parts[0] || '0', parts[1]!];
    const port = { local: parsePortNumber(local, 'local'), remote: parsePortNumber(remote, 'remote') };
    if (port.remote === 0) throw new Error('remote port must be > 0');
    return port;
  });
}

const isIPv4 = (a: string) => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(a) && a.split('.').every((o) => Number(o) <= 255);
const isIPv6 = (a: string) => a.includes(':') && /^[0-9a-fA-F:.]+$/.test(a);

/** `localhost` is 127.0.0.1 and ::1; other addresses must be IPs. Sorted, duplicates dropped. */
export function parseAddresses(list: string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>();
  for (const address of list) {
    if (address === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', failureMode: 'all' });
    } else if (isIPv4(address) || isIPv6(address)) parsed.set(address, { address, failureMode: 'any' });
    else throw new Error(`${address} is not a valid IP`);
  }
  return [...parsed.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** A SPDY session whose bytes travel as WebSocket binary messages (client-go's TunnelingConnection). */
export function tunnel(socket: WebSocket, server = false): SpdySession {
  const session = new SpdySession((bytes) => {
    if (socket.readyState === socket.OPEN) socket.send(bytes);
  }, server);
  socket.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? session.feed(data) : session.emit('error', new Error('invalid message type received'))));
  socket.resume();
  return session;
}

export interface ForwardOptions {
  addresses: ListenAddress[];
  ports: ForwardedPort[];
  out: NodeJS.WritableStream;
  errOut: NodeJS.WritableStream;
  /** Aborted: stop listening and return normally (kubectl on an interrupt). */
  stop: AbortSignal;
}

/** An error as client-go's runtime.HandleError logs it (klog's E line). */
function logError(errOut: NodeJS.WritableStream, message: string): void {
  klog(errOut, 'E', 'portforward.go:424', message);
}

function listen(address: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`unable to create listener: Error listen ${address.includes(':') ? 'tcp6' : 'tcp4'} ${hostPort(address, port)}: ${err.code === 'EADDRINUSE' ? 'bind: address already in use' : err.message}`)),
    );
    server.listen({ host: address, port, ipv6Only: address.includes(':') }, () => resolve(server));
  });
}

/**
 * Forwards until stopped (resolves) or until the connection to the pod is lost (rejects with
 * "lost connection to pod"), printing kubectl's "Forwarding from" and "Handling connection" lines.
 */
export async function forwardPorts(socket: WebSocket, o: ForwardOptions): Promise<void> {
  const session = tunnel(socket);
  const listeners: Server[] = [];
  let requestId = 0;
  let lost!: (err: Error) => void;
  const closed = new Promise<void>((resolve, reject) => {
    lost = reject;
    o.stop.addEventListener('abort', () => resolve(), { once: true });
    socket.on('close', () => reject(new Error('lost connection to pod')));
    session.on('close', () => reject(new Error('lost connection to pod')));
  });
  closed.catch(() => undefined);

  const handle = (conn: Socket, port: ForwardedPort) => {
    o.out.write(`Handling connection for ${port.local}\n`);
    const headers = { streamtype: 'error', port: String(port.remote), requestid: String(requestId++) };
    const errorStream = session.createStream(headers);
    errorStream.end();
    const message: Buffer[] = [];
    errorStream.on('data', (c: Buffer) => message.push(c));
    const errorDone = new Promise<string>((resolve) => {
      errorStream.on('end', () => resolve(Buffer.concat(message).toString('utf8')));
      errorStream.on('close', () => resolve(Buffer.concat(message).toString('utf8')));
      errorStream.on('error', () => undefined);
    });
    const data: SpdyStream = session.createStream({ ...headers, streamtype: 'data' });
    data.on('error', () => undefined);
    conn.on('error', () => undefined);
    conn.pipe(data);
    data.pipe(conn);
    let finished = false;
    const finish = async () => {
      if (finished) return;
      finished = true;
      data.reset();
      conn.destroy();
      const text = await errorDone;
      if (text) {
        logError(o.errOut, `an error occurred forwarding ${port.local} -> ${port.remote}: ${text}`);
        lost(new Error('lost connection to pod'));
      }
    };
    data.once('end', () => void finish());
    conn.once('close', () => void finish());
  };

  try {
    let listening = false;
    for (const port of o.ports) {
      const errors: string[] = [];
      const failed = { all: 0, any: 0 };
      let okAll = 0;
      for (const { address, failureMode } of o.addresses) {
        try {
          const server = await listen(address, port.local);
          const actual = (server.address() as { port: number }).port;
          port.local = actual;
          o.out.write(`Forwarding from ${hostPort(address, actual)} -> ${port.remote}\n`);
          server.on('connection', (conn: Socket) => handle(conn, port));
          listeners.push(server);
          if (failureMode === 'all') okAll++;
        } catch (err) {
          errors.push((err as Error).message);
          failed[failureMode]++;
        }
      }
      if ((okAll === 0 && failed.all > 0) || failed.any > 0) o.errOut.write(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
      else listening = true;
    }
    if (!listening) throw new Error(`unable to listen on any of the requested ports: [${o.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
    await closed;
  } finally {
    for (const l of listeners) l.close();
    session.close();
    socket.close();
  }
}
