// kubectl get storageclasses: NAME with " (default)", PROVISIONER, RECLAIMPOLICY,
// VOLUMEBINDINGMODE, ALLOWVOLUMEEXPANSION, AGE.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';

const defaultAnnotations = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** Marked default by the GA or the beta annotation set to "true". */
export function isDefaultClass(sc: Kube<StorageClass>): boolean {
  return defaultAnnotations.some((a) => sc.metadata.annotations?.[a] === 'true');
}

export const printer: Printer<Kube<StorageClass>> = {
  columns: [
    nameColumn,
    column('Provisioner', 'string', doc.scProvisioner),
    column('ReclaimPolicy', 'string', doc.scReclaim),
    column('VolumeBindingMode', 'string', doc.scBinding),
    column('AllowVolumeExpansion', 'string', doc.scExpansion),
    ageColumn,
  ],
  cells: (sc, now) => [
    (sc.metadata.name ?? '') + (isDefaultClass(sc) ? ' (default)' : ''),
    sc.provisioner ?? '',
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    sc.allowVolumeExpansion ?? false,
    age(sc, now),
  ],
};
