// managedFields as ordinary writes record them, through a registry with the API server's tracker.
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { Registry } from '../registry/registry';
import { builtInResources } from '../registry/builtin';
import { bindPod } from '../registry/pods/binding';
import type { Kube } from '../machinery/object';
import { managedFieldsTracker } from './field-ownership';
import { Schemas } from './schemas';

const user = { username: 'test', groups: ['system:masters'] };

async function pods() {
  const registry = new Registry({
    store: new MemoryStore(),
    admission: () => ({ mutate: () => undefined, validate: () => undefined }),
    trackManagedFields: managedFieldsTracker(new Schemas()),
  });
  return registry.register(builtInResources.find((d) => d.group === '' && d.plural === 'pods')!);
}

const managers = (p: Kube<Pod>) => (p.metadata.managedFields ?? []).map((m) => `${m.manager} ${m.operation}${m.subresource ? ` ${m.subresource}` : ''}`);

describe('managedFields of ordinary writes', () => {
  it('records the creator and each status writer; a binding owns no fields', async () => {
    const store = await pods();
    await store.create('ns', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, { user, fieldManager: 'kubectl-run' });
    await bindPod(store, 'ns', 'p', { target: { kind: 'Node', name: 'n1' } }, { user, fieldManager: 'default-scheduler' });
    await store.guaranteedUpdate('ns', 'p', (o) => ({ ...o, status: { ...(o as Kube<Pod>).status, phase: 'Running' } }), { user, fieldManager: 'kubelet', subresource: 'status' });
    expect(managers(store.get('ns', 'p').object as Kube<Pod>)).toEqual(['kubectl-run Update', 'kubelet Update status']);
  });
});
