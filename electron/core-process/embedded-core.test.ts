// The real embedded cluster in its own process, under the supervisor, behind ClusterLifecycle:
// what the app does when the core crashes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../bridge/contract';
import { ClusterLifecycle, EMBEDDED_ID } from '../host/cluster-lifecycle';
import { startSupervisedCore, type SupervisedCore } from './embedded-core';
import { forkCore } from './node-fork';

// The entry's TypeScript source, run by tsx: the test needs no build.
const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));

let dir: string;
let core: SupervisedCore | undefined;
let lifecycle: ClusterLifecycle;

function nextStatus(state: ClusterStatus['state']): Promise<ClusterStatus> {
  return new Promise((resolve) => {
    const off = lifecycle.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve(status);
    });
  });
}

async function version(): Promise<number> {
  const req = await lifecycle.target().request('GET', '/version', {});
  return new Promise((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-core-'));
  lifecycle = new ClusterLifecycle({
    userKubeconfig: join(dir, 'no-kubeconfig'),
    startEmbedded: async () =>
      (core = await startSupervisedCore(() => forkCore({ dataDir: join(dir, 'cluster'), port: 0 }, { entry: ENTRY, execArgv: ['--import', 'tsx'] }), {
        backoffMs: { initial: 10, max: 10 },
      })),
  });
});

afterAll(async () => {
  await lifecycle?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded cluster in a supervised process', () => {
  it('runs in a process of its own and answers the API', async () => {
    expect((await lifecycle.select(EMBEDDED_ID)).state).toBe('ready');
    expect(core!.pid).toBeGreaterThan(0);
    expect(core!.pid).not.toBe(process.pid);
    expect(await version()).toBe(200);
  });

  it('reports a killed core as an error that says it restarts, then is ready again on a new process', async () => {
    const killedPid = core!.pid!;
    const error = nextStatus('error');
    const ready = nextStatus('ready');
    process.kill(killedPid, 'SIGKILL');
    expect((await error).message).toBe("the embedded cluster's process killed by SIGKILL; restarting it in 0 s (restart 1 of 5)");
    expect(() => lifecycle.target()).toThrow('is error');
    expect((await ready).server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(core!.pid).not.toBe(killedPid);
    expect(await version()).toBe(200);
  });

  it('stops the core process cleanly, releasing its data dir', async () => {
    const pid = core!.pid!;
    await lifecycle.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    // A second server on the same data dir starts only once the lock is gone.
    const again = await startSupervisedCore(() => forkCore({ dataDir: join(dir, 'cluster'), port: 0 }, { entry: ENTRY, execArgv: ['--import', 'tsx'] }));
    await again.stop();
  });
});
