import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../core/cluster';
import type { WatchEvent } from '../bridge/contract';
import { loadKubeTarget } from './kube-target';
import { WatchRelay } from './watch-relay';

let cluster: Cluster;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wh-relay-'));
  cluster = await startCluster({ dataDir: dir, port: 0, storage: 'memory', components: 'none' });
});

afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WatchRelay', () => {
  it('gives two watches of the same collection every event each (a list and a dialog watching nodes)', async () => {
    const events: WatchEvent[] = [];
    const closed: string[] = [];
    const waiters: Array<() => void> = [];
    const relay = new WatchRelay(
      () => loadKubeTarget(cluster.kubeconfigPath),
      (channel, payload) => {
        if (channel === 'kube:watch-event') events.push(payload as WatchEvent);
        else closed.push((payload as { id: string }).id);
        for (const w of waiters.splice(0)) w();
      },
    );
    const seen = (id: string) => events.some((e) => e.id === id && e.type === 'ADDED' && (e.object as { metadata?: { name?: string } }).metadata?.name === 'shared');
    const both = () => seen('list') && seen('dialog');
    try {
      const path = '/api/v1/namespaces/default/configmaps';
      // From "0": what exists now, then every change.
      relay.start({ id: 'list', path, resourceVersion: '0' });
      relay.start({ id: 'dialog', path, resourceVersion: '0' });
      await cluster.context.client('test', 'admin').create('', 'configmaps', 'default', { metadata: { name: 'shared' } });
      while (!both()) await new Promise<void>((resolve) => waiters.push(resolve));
      expect(closed).toEqual([]);
    } finally {
      relay.dispose();
    }
  });
});
