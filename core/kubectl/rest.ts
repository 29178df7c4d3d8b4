// The built-in kubectl's connection to a cluster: the kubeconfig's server and credentials
// (loaded by @kubernetes/client-node, as kubectl merges KUBECONFIG), and raw HTTP requests,
// so every command can ask for exactly what kubectl asks (Tables, patches of each type,
// watch streams) and see the server's Status when it refuses.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Status } from 'kubernetes-types/meta/v1';
import WebSocket from 'ws';
import { formatGoDuration } from '../machinery/go-duration';

export interface RestRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  accept?: string;
  contentType?: string;
  body?: unknown;
}

export interface RestResponse {
  status: number;
  contentType: string;
  text: string;
}

/** The server refused: its Status (or one made from the answer, as client-go does). */
export class ServerError extends Error {
  constructor(
    readonly status: Status,
    readonly httpStatus: number,
  ) {
    super(status.message ?? `the server answered ${httpStatus}`);
  }
}

/** The kubeconfig has no usable cluster (kubectl's "no configuration has been provided"). */
export class ConfigError extends Error {}

/** --request-timeout ran out (Go's context deadline), before or while the answer was read. */
export class RequestTimeoutError extends Error {
  constructor() {
    super('context deadline exceeded');
  }
}

export function pathWithQuery(path: string, query: RestRequest['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** client-go's reading of a non-Status error answer (k8s.io/apimachinery/pkg/api/errors). */
function statusFromAnswer(code: number, text: string): Status {
  try {
    const body = JSON.parse(text) as Status;
    if (body.kind === 'Status') return body;
  } catch {
    // not JSON: fall through
  }
  const reasons: Record<number, [string, string]> = {
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', 'the server does not allow access to the requested resource'],
    404: ['NotFound', 'the server could not find the requested resource'],
    409: ['Conflict', 'the server reported a conflict'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    500: ['InternalError', 'an error on the server has prevented the request from succeeding'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  };
  const [reason, message] = reasons[code] ?? ['Unknown', `an error on the server ("${text.trim().slice(0, 200)}") has prevented the request from succeeding`];
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message };
}

export class RestClient {
  readonly server: URL;

  private constructor(
    private readonly kc: KubeConfig,
    server: string,
    private readonly timeoutMs: number,
    private readonly headers: Record<string, string | string[]>,
  ) {
    this.server = new URL(server);
  }

  /**
   * timeoutMs: --request-timeout, for each request as a whole, its answer read included (0: none).
   * headers: sent with every request (impersonation).
   */
  static forConfig(kc: KubeConfig, timeoutMs = 0, headers: Record<string, string | string[]> = {}): RestClient {
    const cluster = kc.getCurrentCluster();
    if (!cluster?.server) throw new ConfigError('no configuration has been provided, try setting KUBERNETES_MASTER environment variable');
    return new RestClient(kc, cluster.server, timeoutMs, headers);
  }

  /** Sends the request; the answer whatever its status. */
  async send(req: RestRequest): Promise<RestResponse> {
    const res = await this.open(req);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** A JSON answer, or ServerError with the server's Status. */
  async json<T>(req: RestRequest): Promise<T> {
    const res = await this.send({ accept: 'application/json', ...req });
    if (res.status < 200 || res.status >= 300) throw new ServerError(statusFromAnswer(res.status, res.text), res.status);
    return JSON.parse(res.text) as T;
  }

  /** A streamed answer (watch, logs -f): the response once its status is known to be 2xx. */
  async stream(req: RestRequest): Promise<IncomingMessage> {
    const res = await this.open(req);
    if ((res.statusCode ?? 0) >= 300) {
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      throw new ServerError(statusFromAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')), res.statusCode ?? 0);
    }
    return res;
  }

  /**
   * A WebSocket to a streaming subresource (exec, attach, portforward) with the kubeconfig's
   * TLS options and credentials, offering `protocols`, and the subprotocol the server chose; the socket comes paused
   * (resume() once listening).
   * The offer is written and read here because `ws` refuses a "/" in a subprotocol, which
   * SPDY/3.1+portforward.k8s.io has. A non-101 answer rejects with the server's Status, as
   * client-go's upgrade failure carries it.
   */
  async webSocket(pathAndQuery: string, protocols: string[]): Promise<{ socket: WebSocket; protocol: string }> {
    const url = new URL(this.server.pathname.replace(/\/$/, '') + pathAndQuery, this.server);
    url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
    let protocol = '';
    const opts: WebSocket.ClientOptions = {
      headers: { ...this.headers, 'User-Agent': 'kubectl/v1.32.0 (wheelhouse)', 'Sec-WebSocket-Protocol': protocols.join(', ') },
      finishRequest: (req) => {
        req.prependListener('upgrade', (res: IncomingMessage) => {
          protocol = String(res.headers['sec-websocket-protocol'] ?? '');
          delete res.headers['sec-websocket-protocol'];
        });
        req.end();
      },
    };
    await this.kc.applyToHTTPSOptions(opts);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, opts);
      // Paused until the caller listens, so no early message is lost.
      socket.once('open', () => {
        socket.pause();
        resolve({ socket, protocol });
      });
      socket.once('unexpected-response', (req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          reject(new ServerError(statusFromAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')), res.statusCode ?? 0));
        });
      });
      socket.on('error', (err) => reject(new Error(`Get "${url.origin}${pathAndQuery}": ${err.message}`)));
    });
  }

  private async open(req: RestRequest): Promise<IncomingMessage> {
    // client-go tells the server the timeout too (?timeout=), as a Go duration.
    const query = this.timeoutMs ? { ...req.query, timeout: formatGoDuration(this.timeoutMs) } : req.query;
    const url = new URL(this.server.pathname.replace(/\/$/, '') + pathWithQuery(req.path, query), this.server);
    const opts: RequestOptions = { method: req.method ?? 'GET', headers: { ...this.headers, Accept: req.accept ?? 'application/json', 'User-Agent': 'kubectl/v1.32.0 (wheelhouse)' } };
    await this.kc.applyToHTTPSOptions(opts);
    let payload: string | undefined;
    if (req.body !== undefined) {
      payload = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      opts.headers = { ...opts.headers, 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(payload) };
    }
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      let response: IncomingMessage | undefined;
      const r = send(url, opts, (res) => {
        response = res;
        res.once('close', () => clearTimeout(timer));
        resolve(res);
      });
      const expire = () => {
        const err = new RequestTimeoutError();
        response?.destroy(err);
        r.destroy(err);
      };
      const timer = this.timeoutMs > 0 ? setTimeout(expire, this.timeoutMs) : undefined;
      r.on('error', (err) => {
        clearTimeout(timer);
        reject(err instanceof RequestTimeoutError ? err : new Error(`Get "${url.origin}${req.path}": ${err.message}`));
      });
      r.end(payload);
    });
  }
}
