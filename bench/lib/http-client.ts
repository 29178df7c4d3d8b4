// A minimal HTTPS client for the Kubernetes API on keep-alive connections, plus a watch
// stream reader. Kept thin so the load generator costs as little CPU as possible.
import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';

export interface ApiTarget {
  url: string;
  caPem: string;
  token: string;
}

export interface Reply {
  status: number;
  body: string;
  bytes: number;
  /** From sending the request to the response headers: the server's share of a large read. */
  headersMs: number;
}

export class ApiClient {
  private readonly agent: Agent;
  private readonly base: URL;

  /** keepAlive false opens a new TLS connection for every request, as each kubectl run does. */
  constructor(
    private readonly target: ApiTarget,
    maxSockets = 64,
    keepAlive = true,
  ) {
    this.base = new URL(target.url);
    this.agent = new Agent({ keepAlive, maxSockets, maxFreeSockets: maxSockets, ca: target.caPem });
  }

  /** Sends a request; resolves at the response headers with the time they took. */
  private send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ res: IncomingMessage; headersMs: number }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const sent = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.target.token}`,
            Accept: 'application/json',
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
            ...headers,
          },
        },
        (res) => resolve({ res, headersMs: performance.now() - sent }),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const { res, headersMs } = await this.send(method, path, body, headers);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    return { status: res.statusCode ?? 0, body: buf.toString('utf8'), bytes: buf.length, headersMs };
  }

  /** A request whose answer is read to the end and dropped: the cheapest for the load generator. */
  async status(method: string, path: string, body?: unknown): Promise<number> {
    const { res } = await this.send(method, path, body, {});
    res.resume();
    await new Promise<void>((resolve, reject) => res.once('end', resolve).once('error', reject));
    return res.statusCode ?? 0;
  }

  /** A request that must succeed; returns the parsed body. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request(method, path, body);
    if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${path}: HTTP ${r.status}: ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface WatchEvent {
  type: string;
  object: { metadata?: { name?: string; resourceVersion?: string } };
}

export interface WatchStream {
  /** Resolves once the response headers arrived, so later writes are seen. */
  ready: Promise<void>;
  close(): void;
}

/** Opens a watch on its own connection; onEvent gets each event and its arrival time. */
export function openWatch(target: ApiTarget, path: string, onEvent: (e: WatchEvent, at: number) => void): WatchStream {
  const base = new URL(target.url);
  const sep = path.includes('?') ? '&' : '?';
  let buffered = '';
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const req = request(
    {
      host: base.hostname,
      port: base.port,
      path: `${path}${sep}watch=true`,
      agent: false,
      ca: target.caPem,
      headers: { Authorization: `Bearer ${target.token}`, Accept: 'application/json' },
    },
    (res) => {
      if (res.statusCode !== 200) {
        rejectReady(new Error(`watch ${path}: HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      resolveReady();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line) onEvent(JSON.parse(line) as WatchEvent, at);
        }
      });
      res.on('error', () => undefined);
    },
  );
  req.on('error', (e) => rejectReady(e));
  req.end();
  return { ready, close: () => req.destroy() };
}
