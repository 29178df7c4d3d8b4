import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster } from './cluster';

let dir: string;
let blocker: Server | undefined;

afterEach(() => {
  blocker?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Files under dir this process holds open (Linux: /proc/self/fd). */
const openFilesUnder = (d: string) =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(d) ? [target] : [];
    } catch {
      return [];
    }
  });

describe('startCluster', () => {
  it.runIf(process.platform === 'linux')('closes the store and releases the data dir when it fails to start, so a retry in the same process works', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-start-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;

    await expect(startCluster({ dataDir: dir, port, components: 'none' })).rejects.toThrow(/EADDRINUSE/);
    expect(openFilesUnder(dir)).toEqual([]);

    const cluster = await startCluster({ dataDir: dir, port: 0, components: 'none' });
    try {
      expect(openFilesUnder(dir).some((f) => f.endsWith('state.db'))).toBe(true);
    } finally {
      await cluster.stop();
    }
    expect(openFilesUnder(dir)).toEqual([]);
  });
});
