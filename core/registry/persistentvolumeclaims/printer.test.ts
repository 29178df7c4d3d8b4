import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';
import { printer as pvPrinter } from '../persistentvolumes/printer';

const now = new Date('2024-05-01T12:00:00Z');
const created = '2024-05-01T11:00:00Z';

describe('persistentvolumeclaim printer', () => {
  const cases: { name: string; pvc: Kube<PersistentVolumeClaim>; expected: unknown[] }[] = [
    {
      name: 'pending',
      pvc: {
        metadata: { name: 'data', creationTimestamp: created },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' },
        status: { phase: 'Pending' },
      },
      expected: ['data', 'Pending', '', '', '', 'standard', '<unset>', '60m', '<unset>'],
    },
    {
      name: 'bound',
      pvc: {
        metadata: { name: 'data', creationTimestamp: created },
        spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' },
        status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
      },
      expected: ['data', 'Bound', 'pv-1', '10Gi', 'RWO,RWX', 'standard', '<unset>', '60m', 'Filesystem'],
    },
    {
      name: 'terminating, class from the beta annotation',
      pvc: {
        metadata: {
          name: 'old',
          creationTimestamp: created,
          deletionTimestamp: '2024-05-01T11:59:00Z',
          annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' },
        },
        spec: { storageClassName: 'standard', volumeAttributesClassName: 'gold' },
        status: { phase: 'Bound' },
      },
      expected: ['old', 'Terminating', '', '', '', 'legacy', 'gold', '60m', '<unset>'],
    },
  ];
  it.each(cases)('$name', ({ pvc, expected }) => expect(printer.cells(pvc, now)).toEqual(expected));
});

describe('persistentvolume printer', () => {
  it('has the real columns', () => {
    expect(pvPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Capacity:0',
      'Access Modes:0',
      'Reclaim Policy:0',
      'Status:0',
      'Claim:0',
      'StorageClass:0',
      'VolumeAttributesClass:0',
      'Reason:0',
      'Age:0',
      'VolumeMode:1',
    ]);
  });
  const cases: { name: string; pv: Kube<PersistentVolume>; expected: unknown[] }[] = [
    {
      name: 'bound',
      pv: {
        metadata: { name: 'pv-1', creationTimestamp: created },
        spec: {
          capacity: { storage: '10Gi' },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: { namespace: 'default', name: 'data' },
          storageClassName: 'standard',
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Bound' },
      },
      expected: ['pv-1', '10Gi', 'RWO', 'Retain', 'Bound', 'default/data', 'standard', '<unset>', '', '60m', 'Filesystem'],
    },
    {
      name: 'failed and terminating, no capacity',
      pv: {
        metadata: { name: 'pv-2', creationTimestamp: created, deletionTimestamp: '2024-05-01T11:59:00Z' },
        spec: { persistentVolumeReclaimPolicy: 'Delete' },
        status: { phase: 'Failed', reason: 'VolumeFailedDelete' },
      },
      expected: ['pv-2', '0', '', 'Delete', 'Terminating', '', '', '<unset>', 'VolumeFailedDelete', '60m', '<unset>'],
    },
  ];
  it.each(cases)('$name', ({ pv, expected }) => expect(pvPrinter.cells(pv, now)).toEqual(expected));
});
