import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

function defaulted(change: (s: Kube<StorageClass>) => void = () => undefined): Kube<StorageClass> {
  const s: Kube<StorageClass> = { metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path', parameters: { type: 'ssd' } };
  change(s);
  strategy.defaults!(s);
  return s;
}

describe('storageclass', () => {
  it('defaults reclaim policy and binding mode', () => {
    const s = defaulted();
    expect(s.reclaimPolicy).toBe('Delete');
    expect(s.volumeBindingMode).toBe('Immediate');
  });

  it.each([
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'no provisioner', change: (s: Kube<StorageClass>) => (s.provisioner = ''), errors: ['FieldValueRequired provisioner'] },
    { name: 'bad provisioner', change: (s: Kube<StorageClass>) => (s.provisioner = 'a b'), errors: ['FieldValueInvalid provisioner'] },
    { name: 'bad reclaim policy', change: (s: Kube<StorageClass>) => (s.reclaimPolicy = 'Recycle'), errors: ['FieldValueNotSupported reclaimPolicy'] },
    { name: 'bad binding mode', change: (s: Kube<StorageClass>) => (s.volumeBindingMode = 'Later'), errors: ['FieldValueNotSupported volumeBindingMode'] },
  ])('validates: $name', ({ change, errors }) => {
    const s = defaulted();
    change(s);
    expect(errorKeys(strategy.validate!(s))).toEqual(errors);
  });

  it.each([
    { name: 'parameters', change: (s: Kube<StorageClass>) => (s.parameters = { type: 'hdd' }), errors: ['FieldValueForbidden parameters'] },
    { name: 'provisioner', change: (s: Kube<StorageClass>) => (s.provisioner = 'other.io/x'), errors: ['FieldValueForbidden provisioner'] },
    { name: 'reclaimPolicy', change: (s: Kube<StorageClass>) => (s.reclaimPolicy = 'Retain'), errors: ['FieldValueForbidden reclaimPolicy'] },
    { name: 'volumeBindingMode', change: (s: Kube<StorageClass>) => (s.volumeBindingMode = 'WaitForFirstConsumer'), errors: ['FieldValueInvalid volumeBindingMode'] },
    { name: 'allowVolumeExpansion', change: (s: Kube<StorageClass>) => (s.allowVolumeExpansion = true), errors: [] },
  ])('update of $name', ({ change, errors }) => {
    expect(errorKeys(strategy.validateUpdate!(defaulted(change), defaulted()))).toEqual(errors);
  });
});
