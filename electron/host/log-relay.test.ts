import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../../core/kubeconfig';
import type { LogChunk, LogEnd } from '../bridge/contract';
import { loadKubeTarget, type KubeTarget } from './kube-target';
import { LogRelay, logQuery } from './log-relay';

describe('logQuery', () => {
  it('turns the options into PodLogOptions', () => {
    expect(logQuery({ id: 'x', namespace: 'n', pod: 'p', container: 'c', follow: true, previous: false, timestamps: true, tailLines: 100, sinceSeconds: 60 })).toEqual({
      container: 'c',
      follow: 'true',
      timestamps: 'true',
      tailLines: '100',
      sinceSeconds: '60',
    });
  });
  it.each([
    { name: 'no container', start: { container: '' }, error: 'needs a container' },
    { name: 'a fractional tail', start: { container: 'c', tailLines: 1.5 }, error: 'tailLines must be a whole number' },
    { name: 'a string flag', start: { container: 'c', follow: 'yes' }, error: 'follow must be a boolean' },
  ])('refuses $name', ({ start, error }) => {
    expect(() => logQuery({ id: 'x', namespace: 'n', pod: 'p', ...start } as never)).toThrow(error);
  });
});

describe('LogRelay', () => {
  let server: Server;
  let target: KubeTarget;
  let dir: string;
  const requests: string[] = [];
  let upstream: ServerResponse | undefined;
  let upstreamReady: () => void = () => {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.includes('/pods/waiting/')) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', code: 400, message: 'container "c" in pod "waiting" is waiting to start: ContainerCreating' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      upstream = res;
      upstreamReady();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'wh-logs-'));
    const { port } = server.address() as AddressInfo;
    const yaml = kubeconfigYaml({ server: `http://127.0.0.1:${port}`, caPem: '', token: 't' }).replace(/certificate-authority-data: .*/, 'insecure-skip-tls-verify: true');
    writeFileSync(join(dir, 'kubeconfig'), yaml);
    target = loadKubeTarget(join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  function relay() {
    const chunks: LogChunk[] = [];
    const ends: LogEnd[] = [];
    let wake: () => void = () => {};
    const r = new LogRelay(
      () => target,
      (channel, payload) => {
        if (channel === 'logs:chunk') chunks.push(payload as LogChunk);
        else ends.push(payload as LogEnd);
        wake();
      },
    );
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    return { r, chunks, ends, next };
  }

  it('sends one frame at a time, keeps the newest lines while unacked, and ends after the last', async () => {
    const { r, chunks, ends, next } = relay();
    const opened = new Promise<void>((resolve) => (upstreamReady = resolve));
    r.open({ id: 's1', namespace: 'ns', pod: 'p', container: 'c', follow: true, tailLines: 10 });
    await opened;
    expect(requests.at(-1)).toBe('/api/v1/namespaces/ns/pods/p/log?container=c&follow=true&tailLines=10');
    let arrived = next();
    upstream!.write('first\n');
    await arrived;
    expect(chunks).toEqual([{ id: 's1', lines: ['first'], dropped: 0 }]);
    // While the first frame is unacked, 6,000 more lines and the end arrive; each ack brings
    // the next frame (newest lines, older ones counted as dropped when the buffer was full),
    // and the end comes only after the last frame.
    upstream!.end(Array.from({ length: 6000 }, (_, i) => `line ${i}\n`).join(''));
    while (ends.length === 0) {
      arrived = next();
      r.ack('s1');
      await arrived;
    }
    const rest = chunks.slice(1);
    const lines = rest.flatMap((c) => c.lines);
    expect(lines.at(-1)).toBe('line 5999');
    expect(lines.length + rest.reduce((n, c) => n + c.dropped, 0)).toBe(6000);
    expect(ends).toEqual([{ id: 's1' }]);
  });

  it('ends with the server\'s message when it refuses', async () => {
    const { r, ends, next } = relay();
    const ended = next();
    r.open({ id: 's2', namespace: 'ns', pod: 'waiting', container: 'c' });
    await ended;
    expect(ends).toEqual([{ id: 's2', error: 'container "c" in pod "waiting" is waiting to start: ContainerCreating' }]);
  });
});
