import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { describe, expect, it } from 'vitest';
import { customKind } from './custom-kinds';

const crd = (over: Partial<CustomResourceDefinition['spec']> = {}, established = 'True'): CustomResourceDefinition => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', kind: 'Widget' },
    versions: [
      { name: 'v1alpha1', served: true, storage: false },
      { name: 'v1', served: true, storage: true, subresources: { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } } },
    ],
    ...over,
  },
  status: { conditions: [{ type: 'Established', status: established }] } as CustomResourceDefinition['status'],
});

describe('customKind', () => {
  it('takes the storage version and its scale subresource', () => {
    expect(customKind(crd())).toEqual({
      id: 'widgets.example.com',
      label: 'Widget',
      kind: 'Widget',
      group: 'example.com',
      version: 'v1',
      resource: 'widgets',
      namespaced: true,
      scalable: true,
    });
  });

  it('falls back to the first served version when the stored one is not served', () => {
    const kind = customKind(crd({ scope: 'Cluster', versions: [{ name: 'v2', served: true, storage: false }, { name: 'v1', served: false, storage: true }] }));
    expect(kind).toMatchObject({ version: 'v2', namespaced: false });
    expect(kind?.scalable).toBeUndefined();
  });

  it('leaves out a CRD that is not established or serves nothing', () => {
    expect(customKind(crd({}, 'False'))).toBeUndefined();
    expect(customKind(crd({ versions: [{ name: 'v1', served: false, storage: true }] }))).toBeUndefined();
  });
});
