import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../../core/kubeconfig';
import { apiPathAndQuery, proxyKubeRequest } from './kube-proxy';
import { loadKubeTarget, type KubeTarget } from './kube-target';

describe('apiPathAndQuery', () => {
  const allowed: { name: string; path: string; query?: Record<string, string>; expected: string }[] = [
    { name: 'core list', path: '/api/v1/pods', expected: '/api/v1/pods' },
    { name: 'group object', path: '/apis/apps/v1/namespaces/default/deployments/web', expected: '/apis/apps/v1/namespaces/default/deployments/web' },
    { name: 'rbac name with colons', path: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:node', expected: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:node' },
    { name: 'version', path: '/version', expected: '/version' },
    { name: 'query is encoded', path: '/api/v1/pods', query: { limit: '500', continue: 'a b&c' }, expected: '/api/v1/pods?limit=500&continue=a+b%26c' },
    { name: 'discovery with a trailing slash', path: '/apis/', expected: '/apis/' },
    { name: 'needless percent-encoding, decoded', path: '/%61pi/v1/pods/%77eb', expected: '/api/v1/pods/web' },
    { name: 'an encoded colon, sent plain', path: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3anode', expected: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:node' },
    { name: 'a space and non-ASCII, encoded once', path: '/api/v1/namespaces/a b/é', expected: '/api/v1/namespaces/a%20b/%C3%A9' },
    { name: 'an encoded query, kept inside its segment', path: '/api/v1/pods%3Fwatch=1', expected: '/api/v1/pods%3Fwatch%3D1' },
    { name: 'a dot inside a name', path: '/api/v1/namespaces/default/configmaps/a..b', expected: '/api/v1/namespaces/default/configmaps/a..b' },
    { name: 'an OpenAPI v3 document, its hash as a query', path: '/openapi/v3/apis/apps/v1', query: { hash: 'AB12' }, expected: '/openapi/v3/apis/apps/v1?hash=AB12' },
  ];
  it.each(allowed)('allows $name', ({ path, query, expected }) => {
    expect(apiPathAndQuery(path, query)).toBe(expected);
  });

  const refused: { name: string; path: unknown; query?: unknown }[] = [
    { name: 'outside the API', path: '/healthz' },
    { name: 'a full URL', path: 'https://evil.example/api/v1' },
    { name: 'dot-dot segments', path: '/api/v1/../../etc/passwd' },
    { name: 'a query smuggled in the path', path: '/api/v1/pods?watch=1' },
    { name: 'a prefix lookalike', path: '/apisx/v1' },
    { name: 'an OpenAPI lookalike', path: '/openapix/v3' },
    { name: 'not a string', path: 42 },
    { name: 'a non-string query value', path: '/api/v1/pods', query: { limit: 5 } },
    { name: 'percent-encoded dot-dot', path: '/api/%2e%2e/readyz' },
    { name: 'mixed-case percent-encoded dot-dot', path: '/api/%2E%2e/readyz' },
    { name: 'half-encoded dot-dot', path: '/apis/.%2E/healthz' },
    { name: 'a percent-encoded dot segment', path: '/api/%2e/v1' },
    { name: 'an encoded slash hiding dot-dot', path: '/api/v1/..%2F..%2Freadyz' },
    { name: 'an encoded slash in a name', path: '/api/v1/namespaces/a%2Fb' },
    { name: 'a backslash', path: '/api\\..\\readyz' },
    { name: 'an encoded backslash', path: '/api/%5C..%5Creadyz' },
    { name: 'a double slash', path: '/api//v1/pods' },
    { name: 'a leading double slash (another host)', path: '//evil.example/api/v1' },
    { name: 'a trailing double slash', path: '/api/v1//' },
    { name: 'double encoding', path: '/api/%252e%252e/readyz' },
    { name: 'a bad percent-encoding', path: '/api/v1/%zz' },
    { name: 'a fragment', path: '/api/v1/pods#x' },
    { name: 'an encoded NUL', path: '/api/v1/pods%00' },
    { name: 'a control character', path: '/api/v1/po\nds' },
    { name: 'no leading slash', path: 'api/v1/pods' },
    { name: 'an encoded API root', path: '/%2Fapi/v1' },
    { name: 'the root', path: '/' },
  ];
  it.each(refused)('refuses $name', ({ path, query }) => {
    expect(() => apiPathAndQuery(path, query)).toThrow();
  });
});

describe('proxyKubeRequest over HTTP', () => {
  let server: Server;
  let target: KubeTarget;
  let dir: string;
  const received: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.url ?? '');
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'wh-proxy-'));
    const kubeconfig = join(dir, 'kubeconfig');
    const { port } = server.address() as AddressInfo;
    // client-node refuses plain HTTP unless TLS verification is off.
    const yaml = kubeconfigYaml({ server: `http://127.0.0.1:${port}/prefix`, caPem: '', token: 't' }).replace(
      /certificate-authority-data: .*/,
      'insecure-skip-tls-verify: true',
    );
    writeFileSync(kubeconfig, yaml);
    target = loadKubeTarget(kubeconfig);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends exactly the path the guard approved, under the server prefix', async () => {
    received.length = 0;
    const path = '/api/v1/namespaces/%61 b/configmaps/x';
    await proxyKubeRequest(target, { method: 'GET', path, query: { limit: '1' } });
    expect(received).toEqual(['/prefix' + apiPathAndQuery(path, { limit: '1' })]);
    expect(received).toEqual(['/prefix/api/v1/namespaces/a%20b/configmaps/x?limit=1']);
  });

  // Node sends no chunked encoding for DELETE by default: without a length, the body would be
  // read as the next request on the connection (DeleteOptions, as kubectl delete sends them).
  it('sends a DELETE body whole, with its length', async () => {
    bodies.length = 0;
    const body = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' };
    const res = await proxyKubeRequest(target, { method: 'DELETE', path: '/api/v1/namespaces/d/configmaps/x', body });
    expect(res.status).toBe(200);
    expect(bodies).toEqual([JSON.stringify(body)]);
  });

  it('never reaches the server with a path that resolves outside the API', async () => {
    received.length = 0;
    await expect(proxyKubeRequest(target, { method: 'GET', path: '/api/%2e%2e/readyz' })).rejects.toThrow('not a Kubernetes API path');
    expect(received).toEqual([]);
  });
});
