import { describe, expect, it } from 'vitest';
import type { Registry } from '../registry/registry';
import { WatchCache } from '../storage/watch-cache';
import { builtInResources } from '../registry/builtin';
import { resourcePrefix } from '../registry/generic/keys';
import { ResourceStore } from '../registry/generic/resource-store';
import { MemoryStore } from '../store/memory-store';
import { RegistryClient, type Client } from './client';

const configmaps = builtInResources.find((d) => d.group === '' && d.plural === 'configmaps')!;

async function client(): Promise<Client> {
  const store = new MemoryStore();
  const cache = new WatchCache(store, resourcePrefix(configmaps));
  await cache.start();
  const rs = new ResourceStore(configmaps, store, cache, { mutate: () => undefined, validate: () => undefined });
  const registry = { storeFor: () => rs } as unknown as Registry;
  return new RegistryClient(registry, { username: 'system:test', groups: [] }, 'test-controller');
}

describe('Client.create', () => {
  it('leaves the object it was given as it was, so a component can create from it again', async () => {
    const c = await client();
    const template = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { app: 'x' } }, data: { k: 'v' } };
    const before = structuredClone(template);
    const a = await c.create('', 'configmaps', 'ns', template);
    expect(template).toEqual(before);
    template.metadata.name = 'b';
    const b = await c.create('', 'configmaps', 'ns', template);
    expect(b.metadata.uid).not.toBe(a.metadata.uid);
    expect(b.metadata.managedFields).toEqual(a.metadata.managedFields);
  });
});
