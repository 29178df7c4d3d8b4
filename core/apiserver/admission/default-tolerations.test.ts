import { describe, expect, it } from 'vitest';
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { AdmissionRequest, Operation } from '../../registry/generic/resource-store';
import type { ResourceDef } from '../../registry/types';
import { defaultTolerationSeconds } from './default-tolerations';

const notReady: Toleration = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
const unreachable: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };

function admit(tolerations: Toleration[] | undefined, opts: { plural?: string; operation?: Operation; subresource?: string } = {}): Toleration[] | undefined {
  const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], ...(tolerations ? { tolerations } : {}) } };
  const req = {
    operation: opts.operation ?? 'CREATE',
    def: { group: '', plural: opts.plural ?? 'pods' } as ResourceDef,
    namespace: 'default',
    name: 'p',
    object: pod,
    options: { user: { username: 'u', groups: [] }, ...(opts.subresource ? { subresource: opts.subresource } : {}) },
    onFinish: [],
  } as unknown as AdmissionRequest;
  void defaultTolerationSeconds(300).mutate!(req);
  return pod.spec!.tolerations;
}

describe('DefaultTolerationSeconds', () => {
  it.each([
    { name: 'no tolerations: both added', given: undefined, expected: [notReady, unreachable] },
    {
      name: 'other tolerations kept, both added after them',
      given: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
      expected: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable],
    },
    {
      name: 'own not-ready toleration kept, unreachable added',
      given: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      expected: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, unreachable],
    },
    {
      name: 'a toleration of the key with any effect counts',
      given: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }],
      expected: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, notReady],
    },
    {
      name: 'a NoSchedule toleration of the key does not count',
      given: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }],
      expected: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, notReady, unreachable],
    },
    { name: 'tolerate everything: nothing added', given: [{ operator: 'Exists' }], expected: [{ operator: 'Exists' }] },
    { name: 'empty key for NoExecute: nothing added', given: [{ operator: 'Exists', effect: 'NoExecute' }], expected: [{ operator: 'Exists', effect: 'NoExecute' }] },
  ] as Array<{ name: string; given?: Toleration[]; expected: Toleration[] }>)('$name', ({ given, expected }) => {
    expect(admit(given)).toEqual(expected);
  });

  it.each([
    { name: 'update adds them too', opts: { operation: 'UPDATE' as const }, expected: [notReady, unreachable] },
    { name: 'subresources are left alone', opts: { subresource: 'status' }, expected: undefined },
    { name: 'other kinds are left alone', opts: { plural: 'podtemplates' }, expected: undefined },
  ])('$name', ({ opts, expected }) => {
    expect(admit(undefined, opts)).toEqual(expected);
  });

  it('uses the configured seconds', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
    void defaultTolerationSeconds(2).mutate!({ operation: 'CREATE', def: { group: '', plural: 'pods' }, object: pod, options: { user: { username: 'u', groups: [] } } } as unknown as AdmissionRequest);
    expect(pod.spec!.tolerations!.map((t) => t.tolerationSeconds)).toEqual([2, 2]);
  });
});
