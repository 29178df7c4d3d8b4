import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:https';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureServingTls } from './tls';

const dir = mkdtempSync(join(tmpdir(), 'wh-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serving certificates', () => {
  it('makes a CA and a serving certificate with the requested names, signed by the CA', async () => {
    const tls = await ensureServingTls(dir, ['localhost', 'kubernetes.default.svc', '127.0.0.1', '10.96.0.1']);
    const ca = new X509Certificate(tls.caPem);
    const cert = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.subjectAltName).toBe('DNS:localhost, DNS:kubernetes.default.svc, IP Address:127.0.0.1, IP Address:10.96.0.1');
    expect(cert.checkHost('kubernetes.default.svc')).toBe('kubernetes.default.svc');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 24 * 3600 * 1000);
  });

  it('serves TLS that a client trusting only the CA accepts', async () => {
    const tls = await ensureServingTls(dir, ['localhost', '127.0.0.1']);
    const server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const body = await new Promise<string>((resolve, reject) => {
      request(`https://127.0.0.1:${port}/`, { ca: tls.caPem }, (res) => {
        let s = '';
        res.on('data', (d) => (s += d));
        res.on('end', () => resolve(s));
      })
        .on('error', reject)
        .end();
    });
    server.close();
    expect(body).toBe('ok');
  });

  it('reuses the files on a second start', async () => {
    const a = await ensureServingTls(dir, ['localhost']);
    const b = await ensureServingTls(dir, ['localhost']);
    expect(b).toEqual(a);
  });
});
