// A bare HTTPS client for the API, for tests that need exact status codes, headers and bodies.
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';

export interface ApiTarget {
  url: string;
  caPem: string;
  token: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary fields
  json: any;
}

/** Reads server, CA and token back from a kubeconfig written by `wheelhouse cluster`. */
export function targetFromKubeconfig(file: string): ApiTarget {
  const cfg = yaml.load(readFileSync(file, 'utf8')) as {
    clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ user: { token: string } }>;
  };
  return {
    url: cfg.clusters[0]!.cluster.server,
    caPem: Buffer.from(cfg.clusters[0]!.cluster['certificate-authority-data'], 'base64').toString('utf8'),
    token: cfg.users[0]!.user.token,
  };
}

export function api(
  target: ApiTarget,
  method: string,
  path: string,
  body?: string | Buffer | object,
  headers: Record<string, string> = {},
  opts: { token?: string | null } = {},
): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const auth: Record<string, string> = opts.token === null ? {} : { Authorization: `Bearer ${opts.token ?? target.token}` };
    const req = request(
      target.url + path,
      {
        method,
        ca: target.caPem,
        headers: {
          Accept: 'application/json',
          ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
          ...auth,
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}
