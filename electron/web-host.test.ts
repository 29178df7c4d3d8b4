import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ClusterLifecycle } from './host/cluster-lifecycle';
import { startWebHost, type WebHost } from './web-host';

let host: WebHost;
let dir: string;
let token: string;

// A host per test: its URL token works only once.
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-webhost-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wheelhouse</title>');
  const lifecycle = new ClusterLifecycle({
    userKubeconfig: join(dir, 'no-kubeconfig'),
    startEmbedded: () => Promise.reject(new Error('not in this test')),
  });
  host = await startWebHost({ lifecycle, rendererRoot: dir });
  token = new URL(host.url).searchParams.get('token') ?? '';
});

afterEach(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}${path}`, { headers, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the URL as printed; answers the session cookie it sets ('name=value'). */
async function signIn(): Promise<string> {
  const res = await get(`/?token=${token}`);
  expect(res.status).toBe(302);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('web host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  const cases: { name: string; path: string; headers?: (session: string) => Record<string, string>; status: number }[] = [
    { name: 'no token', path: '/', status: 401 },
    { name: 'asset without token', path: '/index.html', status: 401 },
    { name: 'wrong token in URL', path: '/?token=nope', status: 401 },
    { name: 'wrong cookie', path: '/', headers: () => ({ Cookie: `wheelhouse-${host.port}=nope` }), status: 401 },
    { name: 'the URL token as the cookie', path: '/', headers: () => ({ Cookie: `wheelhouse-${host.port}=${token}` }), status: 401 },
    { name: "another port's cookie", path: '/', headers: (session) => ({ Cookie: session.replace(/^wheelhouse-\d+/, 'wheelhouse-1') }), status: 401 },
    { name: 'the session cookie', path: '/', headers: (session) => ({ Cookie: session }), status: 200 },
    { name: 'the used token in URL, without the cookie', path: '/?token=TOKEN', status: 401 },
    { name: 'the used token in URL, with the cookie', path: '/?token=TOKEN', headers: (session) => ({ Cookie: session }), status: 302 },
    { name: 'foreign Host header (DNS rebinding)', path: '/', headers: (session) => ({ Cookie: session, Host: `evil.example:${host.port}` }), status: 403 },
  ];

  it.each(cases)('after sign-in: $name → $status', async ({ path, headers, status }) => {
    const session = await signIn();
    const res = await get(path.replace('TOKEN', token), headers?.(session));
    expect(res.status).toBe(status);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/assets/index.js'],
    ['GET', '/favicon.svg'],
    ['GET', '/no-such-file'],
    ['GET', '/bridge'],
    ['GET', '/%2e%2e/%2e%2e/etc/passwd'],
    ['GET', '/?session=x'],
    ['POST', '/'],
    ['OPTIONS', '/index.html'],
  ])('serves nothing but the sign-in error without a session: %s %s', async (method, path) => {
    const res = await get(path, {}, method);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toBe(
      'unauthorized: open the sign-in URL Wheelhouse printed at start; it works once, so if it was used already, restart Wheelhouse and open the new URL it prints\n',
    );
  });

  it('trades the URL token once for a separate random session id in an HttpOnly SameSite=Strict cookie, dropping it from the URL', async () => {
    const res = await get(`/pods?token=${token}&x=1`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/pods?x=1');
    const setCookie = String(res.headers['set-cookie']);
    const match = new RegExp(`^wheelhouse-${host.port}=([\\w-]{40,}); Path=/; HttpOnly; SameSite=Strict$`).exec(setCookie);
    expect(match, setCookie).not.toBeNull();
    expect(match![1]).not.toBe(token);
  });

  it('answers a reused URL with a 401 that says to restart for a fresh URL, and sets no cookie', async () => {
    await signIn();
    const res = await get(`/?token=${token}`);
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toBe('unauthorized: this sign-in URL has already been used; restart Wheelhouse and open the new URL it prints\n');
  });

  it('answers a wrong token with a 401 that says to restart for a fresh URL, and leaves the real one usable', async () => {
    const res = await get('/?token=nope');
    expect(res.status).toBe(401);
    expect(res.body).toBe('unauthorized: wrong sign-in token; restart Wheelhouse and open the new URL it prints\n');
    await signIn();
  });

  it('drops the token from the URL of a browser that already signed in, without a new session', async () => {
    const session = await signIn();
    const res = await get(`/pods?token=${token}`, { Cookie: session });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/pods');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['an authorized page', true],
    ['a 401', false],
  ])('sends the CSP header on %s', async (_name, authorized) => {
    const res = await get('/', authorized ? { Cookie: await signIn() } : {});
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  function connect(headers: Record<string, string>, search = ''): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge${search}`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it.each([
    ['no cookie', () => ({ Origin: host.origin }), 'HTTP 401'],
    ['the URL token as the cookie', () => ({ Origin: host.origin, Cookie: `wheelhouse-${host.port}=${token}` }), 'HTTP 401'],
    ['a foreign Origin', (session: string) => ({ Origin: 'http://evil.example', Cookie: session }), 'HTTP 403'],
  ])('refuses the bridge socket with %s', async (_name, headers, error) => {
    await expect(connect(headers(await signIn()))).rejects.toThrow(error);
  });

  it('refuses the bridge socket with the token in its URL and no cookie, even before sign-in', async () => {
    await expect(connect({ Origin: host.origin }, `?token=${token}`)).rejects.toThrow('HTTP 401');
  });

  it('answers bridge invokes on an authorized socket and refuses unknown channels', async () => {
    const ws = await connect({ Origin: host.origin, Cookie: await signIn() });
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
