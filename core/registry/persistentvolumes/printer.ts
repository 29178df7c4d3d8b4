// kubectl get pv: CAPACITY, ACCESS MODES, RECLAIM POLICY, STATUS, CLAIM, STORAGECLASS,
// VOLUMEATTRIBUTESCLASS, REASON, AGE; wide: VOLUMEMODE.
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { UNSET, accessModesString, quantity } from '../printing/format';

/** The beta annotation, when present, wins over spec.storageClassName. */
export const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

export const printer: Printer<Kube<PersistentVolume>> = {
  columns: [
    nameColumn,
    column('Capacity', 'string', doc.pvCapacity),
    column('Access Modes', 'string', doc.pvAccessModes),
    column('Reclaim Policy', 'string', doc.pvReclaim),
    column('Status', 'string', doc.pvPhase),
    column('Claim', 'string', doc.pvClaimRef),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', doc.pvReason),
    ageColumn,
    column('VolumeMode', 'string', doc.pvVolumeMode, { priority: 1 }),
  ],
  cells(pv, now) {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const annotations = pv.metadata.annotations ?? {};
    const storageClass =
      betaStorageClassAnnotation in annotations ? annotations[betaStorageClassAnnotation] : (spec.storageClassName ?? '');
    return [
      pv.metadata.name ?? '',
      quantity(spec.capacity?.storage),
      accessModesString(spec.accessModes),
      spec.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      storageClass,
      spec.volumeAttributesClassName ?? UNSET,
      pv.status?.reason ?? '',
      age(pv, now),
      spec.volumeMode ?? UNSET,
    ];
  },
};
