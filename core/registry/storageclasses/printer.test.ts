import { describe, expect, it } from 'vitest';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');

describe('storage class printer', () => {
  const cases: { name: string; sc: Kube<StorageClass>; expected: unknown[] }[] = [
    {
      name: 'default class with defaults left out',
      sc: {
        metadata: { name: 'standard', creationTimestamp: '2024-05-01T11:00:00Z', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'wheelhouse.io/hostpath',
      },
      expected: ['standard (default)', 'wheelhouse.io/hostpath', 'Delete', 'Immediate', false, '60m'],
    },
    {
      name: 'explicit settings',
      sc: {
        metadata: { name: 'fast', creationTimestamp: '2024-05-01T11:00:00Z', annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } },
        provisioner: 'p',
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowVolumeExpansion: true,
      },
      expected: ['fast', 'p', 'Retain', 'WaitForFirstConsumer', true, '60m'],
    },
  ];
  it.each(cases)('$name', ({ sc, expected }) => expect(printer.cells(sc, now)).toEqual(expected));
});
