import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { encodeForStore } from './stored-object';
import { WatchCache } from './watch-cache';

const value = (name: string) => encodeForStore({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

describe('WatchCache', () => {
  it('keeps lists in key order as objects come and go after a first list', async () => {
    const store = new MemoryStore();
    const cache = new WatchCache(store, '/p/');
    await cache.start();
    await store.create('/p/m', value('m'));
    expect(cache.list('/p/').map((c) => c.key)).toEqual(['/p/m']);
    for (const k of ['z', 'a', 'q']) await store.create(`/p/${k}`, value(k));
    await store.delete('/p/m');
    expect(cache.list('/p/').map((c) => c.key)).toEqual(['/p/a', '/p/q', '/p/z']);
    expect(cache.list('/p/', '/p/a').map((c) => c.key)).toEqual(['/p/q', '/p/z']);
  });

  it('serves the stored text with the revision spliced into metadata', async () => {
    const store = new MemoryStore();
    const cache = new WatchCache(store, '/p/');
    await cache.start();
    const kv = await store.create('/p/a', value('a'));
    const c = cache.get('/p/a')!;
    expect(JSON.parse(c.json)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: String(kv.modRevision) } });
    expect(c.object.metadata.resourceVersion).toBe(String(kv.modRevision));
  });
});
