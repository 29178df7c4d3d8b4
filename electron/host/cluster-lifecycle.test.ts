import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../bridge/contract';
import { AppSettings } from './app-settings';
import { ClusterLifecycle, EMBEDDED_ID, type ClusterLifecycleOptions, type EmbeddedEvent } from './cluster-lifecycle';

let dir: string;
const servers: Server[] = [];
const lifecycles: ClusterLifecycle[] = [];

beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wh-lifecycle-'))));
afterEach(async () => {
  for (const l of lifecycles.splice(0)) await l.stop();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A plain-HTTP stand-in for an API server that answers /version, on port (0: any). */
async function apiServer(port = 0): Promise<number> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"gitVersion":"v1.32.0"}'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on (the kernel just handed it out and it was closed again). */
async function closedPort(): Promise<number> {
  const port = await apiServer();
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

function kubeconfig(file: string, contexts: Record<string, number>): string {
  const path = join(dir, file);
  writeFileSync(path, kubeconfigText(contexts, true));
  return path;
}

/** Contexts on plain-HTTP servers: client-node needs insecure-skip-tls-verify for those. */
function kubeconfigText(contexts: Record<string, number>, skipTlsVerify: boolean): string {
  const names = Object.keys(contexts);
  return (
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      ...names.flatMap((n) => [`- name: ${n}`, '  cluster:', `    server: http://127.0.0.1:${contexts[n]}`, ...(skipTlsVerify ? ['    insecure-skip-tls-verify: true'] : [])]),
      'users:',
      ...names.flatMap((n) => [`- name: ${n}`, '  user:', '    token: t']),
      'contexts:',
      ...names.flatMap((n) => [`- name: ${n}`, '  context:', `    cluster: ${n}`, `    user: ${n}`]),
    ].join('\n') + '\n'
  );
}

function lifecycle(opts: ClusterLifecycleOptions): ClusterLifecycle {
  const l = new ClusterLifecycle({ startEmbedded: () => Promise.reject(new Error('no embedded cluster in this test')), retryMs: { initial: 20, max: 80 }, ...opts });
  lifecycles.push(l);
  return l;
}

function next(l: ClusterLifecycle, accept: (s: ClusterStatus) => boolean): Promise<ClusterStatus> {
  return new Promise((resolve) => {
    const off = l.onStatus((s) => {
      if (!accept(s)) return;
      off();
      resolve(s);
    });
  });
}

describe('ClusterLifecycle', () => {
  it('lists the embedded cluster and every context of the merged kubeconfig files, first file first', async () => {
    const port = await apiServer();
    const l = lifecycle({ userKubeconfig: [kubeconfig('a', { prod: port, dev: port }), join(dir, 'missing'), kubeconfig('b', { dev: 1, stage: port })] });
    expect(l.list()).toEqual([
      { id: EMBEDDED_ID, label: 'Wheelhouse (embedded)', embedded: true },
      { id: 'context:prod', label: 'prod', embedded: false },
      { id: 'context:dev', label: 'dev', embedded: false },
      { id: 'context:stage', label: 'stage', embedded: false },
    ]);
    // dev is the first file's: its server answers, the second file's port 1 would not.
    expect(await l.select('context:dev')).toMatchObject({ state: 'ready', server: `http://127.0.0.1:${port}` });
  });

  it('remembers the chosen cluster for the next start, and falls back to the embedded one when it is gone', async () => {
    const port = await apiServer();
    const settings = new AppSettings(join(dir, 'settings.json'));
    const file = kubeconfig('config', { prod: port });
    expect(lifecycle({ userKubeconfig: file, settings }).preferred()).toBe(EMBEDDED_ID);
    await lifecycle({ userKubeconfig: file, settings }).select('context:prod');
    expect(lifecycle({ userKubeconfig: file, settings }).preferred()).toBe('context:prod');
    expect(lifecycle({ userKubeconfig: join(dir, 'missing'), settings }).preferred()).toBe(EMBEDDED_ID);
  });

  it('shows an unreachable context as an error that says it retries, and becomes ready once the server answers', async () => {
    const port = await closedPort();
    const l = lifecycle({ userKubeconfig: kubeconfig('config', { remote: port }) });
    const status = await l.select('context:remote');
    expect(status).toMatchObject({ id: 'context:remote', state: 'error', server: `http://127.0.0.1:${port}` });
    expect(status.message).toMatch(new RegExp(`^cannot reach http://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED .*\\. Retrying in 0 s\\.$`));
    expect(() => l.target()).toThrow('cluster remote is error');

    // Retries keep it in error, with longer delays, until something listens.
    await next(l, (s) => s.state === 'error' && /Retrying in 0\.1 s/.test(s.message ?? ''));
    const ready = next(l, (s) => s.state === 'ready');
    await apiServer(port);
    expect(await ready).toMatchObject({ id: 'context:remote', state: 'ready' });
  });

  it('notices a reached context going away (a request fails to connect), then retries until it is back', async () => {
    const port = await apiServer();
    const l = lifecycle({ userKubeconfig: kubeconfig('config', { remote: port }) });
    expect((await l.select('context:remote')).state).toBe('ready');
    const server = servers.pop()!;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));

    const lost = next(l, (s) => s.state === 'error');
    const req = await l.target().request('GET', '/api/v1/nodes', {});
    req.once('error', () => undefined);
    req.end();
    expect((await lost).message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED .*\. Retrying in 0 s\.$/);
    const back = next(l, (s) => s.state === 'ready');
    await apiServer(port);
    expect(await back).toMatchObject({ id: 'context:remote', state: 'ready' });
  });

  it('leaves an unreachable context for another without its retries coming back', async () => {
    const port = await apiServer();
    const l = lifecycle({ userKubeconfig: kubeconfig('config', { down: await closedPort(), up: port }) });
    expect((await l.select('context:down')).state).toBe('error');
    const seen: ClusterStatus[] = [];
    l.onStatus((s) => seen.push(s));
    expect(await l.select('context:up')).toMatchObject({ state: 'ready' });
    // Reselecting the first (a new attempt) and the second again: statuses come only from the choices made.
    expect((await l.select('context:down')).state).toBe('error');
    expect(await l.select('context:up')).toMatchObject({ state: 'ready' });
    expect(seen.map((s) => `${s.label}:${s.state}`)).toEqual(['up:starting', 'up:ready', 'down:starting', 'down:error', 'up:starting', 'up:ready']);
  });

  it('does not retry a context whose kubeconfig is wrong, and says why', async () => {
    const file = join(dir, 'config');
    writeFileSync(file, kubeconfigText({ plain: await apiServer() }, false));
    const status = await lifecycle({ userKubeconfig: file }).select('context:plain');
    expect(status).toMatchObject({ state: 'error', message: 'HTTP protocol is not allowed when skipTLSVerify is not set or false' });
  });

  it("shows the embedded cluster's crash, restart and giving up, and starts it afresh when chosen again", async () => {
    const kubeconfigPath = kubeconfig('embedded', { wheelhouse: await apiServer() });
    let emit: (event: EmbeddedEvent) => void = () => undefined;
    let starts = 0;
    const l = lifecycle({
      userKubeconfig: join(dir, 'missing'),
      startEmbedded: async () => {
        starts++;
        return { url: 'unused', kubeconfigPath, stop: async () => undefined, onEvent: (listener) => ((emit = listener), () => undefined) };
      },
    });
    expect((await l.select(EMBEDDED_ID)).state).toBe('ready');
    emit({ type: 'crashed', reason: 'killed by SIGSEGV', restart: 1, maxRestarts: 5, restartInMs: 1000 });
    expect(l.status()).toMatchObject({ state: 'error', message: "the embedded cluster's process killed by SIGSEGV; restarting it in 1 s (restart 1 of 5)" });
    emit({ type: 'ready', value: undefined });
    expect(l.status().state).toBe('ready');
    emit({ type: 'gave-up', reason: 'exited with code 1', crashes: 6 });
    expect(l.status().message).toBe(
      "the embedded cluster's process exited with code 1 after 5 restarts in a row; Wheelhouse stopped restarting it. Choose it in the cluster picker to start it again.",
    );
    expect((await l.select(EMBEDDED_ID)).state).toBe('ready');
    expect(starts).toBe(2);
  });

  it('names a context that has no cluster', async () => {
    const file = join(dir, 'config');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\ncontexts:\n- name: orphan\n  context:\n    cluster: nowhere\n    user: nobody\n');
    const status = await lifecycle({ userKubeconfig: file }).select('context:orphan');
    expect(status).toMatchObject({ state: 'error', message: 'context orphan: context "orphan" has no cluster' });
  });
});
