// The renderer's Kubernetes API calls, made by the host. Only API paths are reachable, so a
// compromised page cannot use the host's credentials for anything but the Kubernetes API.
import type { IncomingMessage } from 'node:http';
import type { KubeRequest, KubeResponse } from '../bridge/contract';
import { canonicalApiPath } from './api-path';
import type { KubeTarget } from './kube-target';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The canonical API path with the query joined; throws on anything outside the Kubernetes API. */
export function apiPathAndQuery(path: unknown, query: unknown): string {
  const apiPath = canonicalApiPath(path);
  const params = new URLSearchParams();
  if (query !== undefined) {
    if (query === null || typeof query !== 'object') throw new Error('query must be an object of strings');
    for (const [k, v] of Object.entries(query)) {
      if (typeof v !== 'string') throw new Error(`query parameter ${k} must be a string`);
      params.set(k, v);
    }
  }
  const qs = params.toString();
  return qs ? `${apiPath}?${qs}` : apiPath;
}

export async function proxyKubeRequest(target: KubeTarget, req: KubeRequest): Promise<KubeResponse> {
  if (!METHODS.has(req.method)) throw new Error(`method not allowed: ${String(req.method)}`);
  const pathAndQuery = apiPathAndQuery(req.path, req.query);
  const headers: Record<string, string> = { Accept: req.accept ?? 'application/json' };
  let payload: string | undefined;
  if (req.body !== undefined) {
    payload = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    headers['Content-Type'] = req.contentType ?? 'application/json';
    // Node chunks no DELETE body by default; without a length the server would never see it.
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  const request = await target.request(req.method, pathAndQuery, headers);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
    request.end(payload);
  });
  const text = await readBody(res);
  return { status: res.statusCode ?? 0, body: parseBody(text, res.headers['content-type']) };
}

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
