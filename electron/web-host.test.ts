import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ClusterLifecycle } from './host/cluster-lifecycle';
import { startWebHost, type WebHost } from './web-host';

let host: WebHost;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-webhost-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wheelhouse</title>');
  const lifecycle = new ClusterLifecycle({
    userKubeconfig: join(dir, 'no-kubeconfig'),
    startEmbedded: () => Promise.reject(new Error('not in this test')),
  });
  host = await startWebHost({ lifecycle, rendererRoot: dir });
  token = new URL(host.url).searchParams.get('token') ?? '';
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `wheelhouse-${host.port}=${token}`;

describe('web host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  const cases: { name: string; path: string; headers?: () => Record<string, string>; status: number }[] = [
    { name: 'no token', path: '/', status: 401 },
    { name: 'asset without token', path: '/index.html', status: 401 },
    { name: 'wrong token in URL', path: '/?token=nope', status: 401 },
    { name: 'wrong cookie', path: '/', headers: () => ({ Cookie: `wheelhouse-${host.port}=nope` }), status: 401 },
    { name: "another port's cookie", path: '/', headers: () => ({ Cookie: `wheelhouse-1=${token}` }), status: 401 },
    { name: 'right token in URL', path: '/?token=TOKEN', status: 302 },
    { name: 'right cookie', path: '/', headers: () => ({ Cookie: cookie() }), status: 200 },
    { name: 'foreign Host header (DNS rebinding)', path: '/', headers: () => ({ Cookie: cookie(), Host: `evil.example:${host.port}` }), status: 403 },
  ];

  it.each(cases)('$name → $status', async ({ path, headers, status }) => {
    const res = await get(path.replace('TOKEN', token), headers?.());
    expect(res.status).toBe(status);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await get(`/pods?token=${token}&x=1`);
    expect(res.headers.location).toBe('/pods?x=1');
    expect(String(res.headers['set-cookie'])).toBe(`${cookie()}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it.each([
    ['an authorized page', true],
    ['a 401', false],
  ])('sends the CSP header on %s', async (_name, authorized) => {
    const res = await get('/', authorized ? { Cookie: cookie() } : {});
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  function connect(headers: Record<string, string>): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it.each([
    ['no cookie', () => ({ Origin: host.origin }), 'HTTP 401'],
    ['a foreign Origin', () => ({ Origin: 'http://evil.example', Cookie: cookie() }), 'HTTP 403'],
  ])('refuses the bridge socket with %s', async (_name, headers, error) => {
    await expect(connect(headers())).rejects.toThrow(error);
  });

  it('answers bridge invokes on an authorized socket and refuses unknown channels', async () => {
    const ws = await connect({ Origin: host.origin, Cookie: cookie() });
    const replies: unknown[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        replies.push(JSON.parse(String(data)));
        if (replies.length === 2) resolve();
      }),
    );
    ws.send(JSON.stringify({ kind: 'invoke', seq: 1, channel: 'app:info', args: null }));
    ws.send(JSON.stringify({ kind: 'invoke', seq: 2, channel: 'shell:exec', args: null }));
    await done;
    ws.close();
    expect(replies).toContainEqual(expect.objectContaining({ seq: 1, ok: true, result: expect.objectContaining({ mode: 'web' }) }));
    expect(replies).toContainEqual({ kind: 'result', seq: 2, ok: false, error: 'unknown bridge channel: shell:exec' });
  });
});
