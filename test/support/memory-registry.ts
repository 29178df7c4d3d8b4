// A Registry on a memory store serving some built-in kinds, with no admission: for tests of the
// registry's kind-specific subresources (pods/binding, pods/eviction, serviceaccounts/token).
import { MemoryStore } from '../../core/store/memory-store';
import { Registry } from '../../core/registry/registry';
import { builtInResources } from '../../core/registry/builtin';

export const TEST_USER = { user: { username: 'test', groups: ['system:masters'] } };

/** resources: 'group/plural', or the plural alone for the core group. */
export async function memoryRegistry(...resources: string[]): Promise<Registry> {
  const registry = new Registry({ store: new MemoryStore(), admission: () => ({ mutate: () => undefined, validate: () => undefined }) });
  for (const resource of resources) {
    const [group, plural] = resource.includes('/') ? resource.split('/') : ['', resource];
    await registry.register(builtInResources.find((d) => d.group === group && d.plural === plural)!);
  }
  return registry;
}
