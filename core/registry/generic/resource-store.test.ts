import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store';
import { WatchCache } from '../../storage/watch-cache';
import { ApiError } from '../../machinery/status';
import { builtInResources } from '../builtin';
import { resourcePrefix } from './keys';
import { ResourceStore, type AdmissionRequest, type DeleteOptions } from './resource-store';

const user = { user: { username: 'test', groups: [] } };
const configmaps = builtInResources.find((d) => d.group === '' && d.plural === 'configmaps')!;

/** A ConfigMap store whose admission lets another writer label the object once, right
 *  after a DELETE has read it and before it writes: the race a controller causes. */
async function racingStore(): Promise<ResourceStore> {
  const store = new MemoryStore();
  const cache = new WatchCache(store, resourcePrefix(configmaps));
  await cache.start();
  let raced = false;
  const rs: ResourceStore = new ResourceStore(configmaps, store, cache, {
    mutate: () => undefined,
    async validate(req: AdmissionRequest) {
      if (req.operation !== 'DELETE' || raced) return;
      raced = true;
      await rs.guaranteedUpdate('ns', req.name, (o) => ({ ...o, metadata: { ...o.metadata, labels: { touched: 'yes' } } }), user);
    },
  });
  return rs;
}

describe('delete racing another write', () => {
  it.each([
    { name: 'without finalizers: removed', finalizers: [], deleted: true },
    { name: 'with a finalizer: marked, keeping the other write', finalizers: ['example.com/hold'], deleted: false },
  ])('$name', async ({ finalizers, deleted }) => {
    const rs = await racingStore();
    await rs.create('ns', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns', finalizers } }, user);
    const r = await rs.delete('ns', 'c', {}, user);
    expect(r.deleted).toBe(deleted);
    if (deleted) expect(rs.cache.get(rs.key('ns', 'c'))).toBeUndefined();
    else expect(rs.get('ns', 'c').object.metadata).toMatchObject({ labels: { touched: 'yes' }, deletionTimestamp: expect.any(String) });
  });

  it('still fails a resourceVersion precondition the other write made stale', async () => {
    const rs = await racingStore();
    const created = await rs.create('ns', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } }, user);
    const opts: DeleteOptions = { preconditions: { resourceVersion: created.metadata.resourceVersion } };
    const err = await rs.delete('ns', 'c', opts, user).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/^Operation cannot be fulfilled on configmaps "c": Precondition failed: ResourceVersion in precondition/);
  });
});
