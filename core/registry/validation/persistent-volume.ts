// Checks PersistentVolumes and PersistentVolumeClaims share: access modes and volume mode.
import { notSupported, required, type FieldError } from '../../machinery/field-errors';

export const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const volumeModes = ['Block', 'Filesystem'];

export function validateAccessModes(modes: string[] | undefined, path: string, requiredDetail?: string): FieldError[] {
  const list = modes ?? [];
  if (!list.length) return [required(path, requiredDetail)];
  const errs: FieldError[] = [];
  list.forEach((m) => {
    if (!accessModes.includes(m)) errs.push(notSupported(path, m, accessModes));
  });
  // ReadWriteOncePod cannot be combined with other modes.
  if (list.includes('ReadWriteOncePod') && list.length > 1) {
    errs.push({ type: 'FieldValueForbidden', field: path, detail: 'may not use ReadWriteOncePod with other access modes' });
  }
  return errs;
}

export function validateVolumeMode(mode: string | undefined, path: string): FieldError[] {
  return mode !== undefined && !volumeModes.includes(mode) ? [notSupported(path, mode, volumeModes)] : [];
}

