// The load generator's HTTP/1.1: keep-alive TLS sockets that write a request as one string and
// read the response with a minimal parser (status, Content-Length or chunked body). Node's https
// client costs more CPU per request than the API server's whole handling of a small write, and
// on a 2-core machine the load generator's CPU is taken from the server; wrk and h2load are
// lean for the same reason. Watches and one-off requests still use http-client.ts.
import { connect, type TLSSocket } from 'node:tls';
import type { ApiTarget, Reply } from './http-client';

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  sent: number;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** One keep-alive connection, one request at a time. */
class RawConnection {
  private readonly socket: TLSSocket;
  private readonly ready: Promise<void>;
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  private headersAt = 0;
  /** The server closed it (idle keep-alive timeout) or it failed: the pool opens a new one. */
  closed = false;

  constructor(target: ApiTarget, url: URL) {
    this.socket = connect({ host: url.hostname, port: Number(url.port), ca: target.caPem, servername: url.hostname === '127.0.0.1' ? undefined : url.hostname, ALPNProtocols: ['http/1.1'] });
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('secureConnect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  async request(head: string, body: string | undefined): Promise<Reply> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, sent: performance.now() };
      this.headersAt = 0;
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(e: Error): void {
    this.closed = true;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const p = this.pending;
    if (!p) return;
    const end = this.buf.indexOf(CRLF2);
    if (end < 0) return;
    if (!this.headersAt) this.headersAt = performance.now();
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let body: Buffer | undefined;
    let consumed = 0;
    if (length) {
      const n = Number(length[1]);
      if (this.buf.length < end + 4 + n) return;
      body = this.buf.subarray(end + 4, end + 4 + n);
      consumed = end + 4 + n;
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parsed = dechunk(this.buf, end + 4);
      if (!parsed) return;
      [body, consumed] = parsed;
    } else {
      body = Buffer.alloc(0);
      consumed = end + 4;
    }
    this.buf = this.buf.subarray(consumed);
    this.pending = undefined;
    p.resolve({ status, body: body.toString('utf8'), bytes: body.length, headersMs: this.headersAt - p.sent });
  }
}

/** A complete chunked body starting at from: the body and where it ends, or undefined if incomplete. */
function dechunk(buf: Buffer, from: number): [Buffer, number] | undefined {
  const parts: Buffer[] = [];
  let i = from;
  for (;;) {
    const eol = buf.indexOf('\r\n', i);
    if (eol < 0) return undefined;
    const size = parseInt(buf.toString('latin1', i, eol), 16);
    if (size === 0) {
      const trailerEnd = buf.indexOf('\r\n', eol + 2);
      if (trailerEnd < 0) return undefined;
      return [Buffer.concat(parts), trailerEnd + 2];
    }
    if (buf.length < eol + 2 + size + 2) return undefined;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
}

/** A pool of keep-alive connections; each worker of a closed loop uses its own. */
export class RawApiClient {
  private readonly url: URL;
  private readonly conns: RawConnection[] = [];
  private readonly auth: string;

  constructor(private readonly target: ApiTarget) {
    this.url = new URL(target.url);
    this.auth = `Authorization: Bearer ${target.token}\r\nAccept: application/json\r\nHost: ${this.url.host}\r\n`;
  }

  /** Sends on connection `conn` (one request in flight per connection). */
  request(conn: number, method: string, path: string, body?: unknown): Promise<Reply> {
    let c = this.conns[conn];
    if (!c || c.closed) c = this.conns[conn] = new RawConnection(this.target, this.url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const length = payload === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`;
    return c.request(`${method} ${path} HTTP/1.1\r\n${this.auth}${length}\r\n`, payload);
  }

  close(): void {
    for (const c of this.conns) c?.close();
  }
}
