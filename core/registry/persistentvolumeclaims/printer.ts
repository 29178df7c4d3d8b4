// kubectl get pvc: STATUS, VOLUME, CAPACITY, ACCESS MODES, STORAGECLASS, VOLUMEATTRIBUTESCLASS,
// AGE; wide: VOLUMEMODE. Capacity and access modes show only once the claim names a volume.
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { UNSET, accessModesString, quantity } from '../printing/format';
import { betaStorageClassAnnotation } from '../persistentvolumes/printer';

export const printer: Printer<Kube<PersistentVolumeClaim>> = {
  columns: [
    nameColumn,
    column('Status', 'string', doc.pvcPhase),
    column('Volume', 'string', doc.pvcVolumeName),
    column('Capacity', 'string', doc.pvcCapacity),
    column('Access Modes', 'string', doc.pvcAccessModes),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    column('VolumeMode', 'string', doc.pvcVolumeMode, { priority: 1 }),
  ],
  cells(pvc, now) {
    const spec = pvc.spec ?? {};
    const bound = !!spec.volumeName;
    const annotations = pvc.metadata.annotations ?? {};
    const storageClass =
      betaStorageClassAnnotation in annotations ? annotations[betaStorageClassAnnotation] : (spec.storageClassName ?? '');
    return [
      pvc.metadata.name ?? '',
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      spec.volumeName ?? '',
      bound ? quantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModesString(pvc.status?.accessModes) : '',
      storageClass,
      spec.volumeAttributesClassName ?? UNSET,
      age(pvc, now),
      spec.volumeMode ?? UNSET,
    ];
  },
};
