// The data dir as `wheelhouse cluster` leaves it: owned by one process at a time, and readable
// by nobody else.
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startClusterProcess, type ClusterProcess } from '../support/cluster-process';

const started: ClusterProcess[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) {
    if (c.process.exitCode === null) await c.kill();
    c.cleanup();
  }
});

async function start(opts: Parameters<typeof startClusterProcess>[0] = {}): Promise<ClusterProcess> {
  const c = await startClusterProcess({ ...opts, extraArgs: ['--control-plane-only', ...(opts.extraArgs ?? [])] });
  started.push(c);
  return c;
}

/** Every dir (ending in /) and file under dir, itself included, with its permission bits: './ 700', 'pki/ca.key 600'. */
function modes(dir: string, prefix = ''): string[] {
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
  return [
    `${prefix || './'} ${mode(dir)}`,
    ...readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? modes(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name} ${mode(join(dir, e.name))}`],
    ),
  ];
}

/** Entries that others could read: a dir not 0700 or a file not 0600. */
const notPrivate = (entries: string[]) => entries.filter((e) => !/\/ 700$|[^/] 600$/.test(e));

function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) loosen(join(dir, e.name));
    else chmodSync(join(dir, e.name), 0o644);
  }
}

describe('data dir', () => {
  it('keeps every file 0600 in 0700 dirs under umask 0, tightening a 0755 dir and 0644 files left before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-modes-'));
    chmodSync(dir, 0o755);
    const first = await start({ dataDir: dir, umask: 0 });
    const running = modes(dir);
    // The store's WAL files exist only while it runs; SQLite made them after the start.
    expect(running).toEqual(expect.arrayContaining(['state.db 600', 'state.db-wal 600', 'state.db-shm 600', 'admin.token 600', 'kubeconfig 600', 'pki/ca.key 600', 'pki/sa.key 600']));
    expect(notPrivate(running)).toEqual([]);
    expect(await first.stop()).toBe(0);

    loosen(dir);
    await start({ dataDir: dir, umask: 0 });
    const again = modes(dir);
    expect(again).toContain('./ 700');
    expect(again).toContain('state.db-wal 600');
    expect(notPrivate(again)).toEqual([]);
  });

  it.each(['sqlite', 'memory'])('refuses a second server (storage %s) on the same dir at once, naming the pid that holds it', async (storage) => {
    const first = await start();
    const pid = first.process.pid;
    await expect(start({ dataDir: first.dataDir, extraArgs: ['--storage', storage] })).rejects.toThrow(
      `wheelhouse cluster exited (1) before ready: wheelhouse cluster: data directory ${first.dataDir} is in use by another Wheelhouse process (pid ${pid}); stop it first or use another data directory`,
    );
    // The first one is untouched and still holds the dir.
    expect(first.process.exitCode).toBeNull();
  });

  it('lets a new server take the dir over after kill -9, and releases it on a clean stop', async () => {
    const first = await start();
    await first.kill();
    const second = await start({ dataDir: first.dataDir });
    expect(await second.stop()).toBe(0);
    expect(existsSync(join(first.dataDir, 'wheelhouse.pid'))).toBe(false);
    const third = await start({ dataDir: first.dataDir });
    expect(await third.stop()).toBe(0);
  });
});
