// Pod volumes: unique DNS-label names and exactly one source each, with the checks on the
// sources pods commonly use (ValidateVolumes and validateVolumeSource).
import type { KeyToPath, Volume } from 'kubernetes-types/core/v1';
import { duplicate, forbidden, invalid, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from './field-path';
import { isDNS1123Label, isDNS1123Subdomain } from '../../machinery/names';
import { parseQuantity } from '../../machinery/quantity';

/**
 * Source fields in Kubernetes' checking order, with the path segment it reports when a second
 * source is given (two of them carry historic spellings).
 */
const volumeSources: [field: string, reported: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

export const volumeSourceFields = volumeSources.map(([f]) => f);

const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';

function validateFileMode(mode: number | undefined, path: string): FieldError[] {
  return mode !== undefined && (mode < 0 || mode > 0o777) ? [invalid(path, mode, fileModeErrorMsg)] : [];
}

/** A path inside the volume: relative, and without '..' segments. */
export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  if (p.split(/[\\/]/).includes('..')) errs.push(invalid(path, p, "must not contain '..'"));
  return errs;
}

function validateKeyToPaths(items: KeyToPath[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((item, i) => {
    const p = index(path, i);
    if (!item.key) errs.push(required(child(p, 'key')));
    if (!item.path) errs.push(required(child(p, 'path')));
    else errs.push(...validateLocalDescendingPath(item.path, child(p, 'path')));
    errs.push(...validateFileMode(item.mode, child(p, 'mode')));
  });
  return errs;
}

function validateSourceDetails(field: string, src: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const str = (k: string): string => (typeof src[k] === 'string' ? (src[k] as string) : '');
  const requireField = (k: string): void => {
    if (!str(k)) errs.push(required(child(path, k)));
  };
  switch (field) {
    case 'emptyDir': {
      const limit = src.sizeLimit;
      const q = limit === undefined ? undefined : parseQuantity(limit as string);
      if (limit !== undefined && (!q || q.unscaled < 0n)) {
        errs.push(forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
      }
      break;
    }
    case 'hostPath':
      requireField('path');
      break;
    case 'secret':
      requireField('secretName');
      if (str('secretName')) {
        for (const msg of isDNS1123Subdomain(str('secretName'))) errs.push(invalid(child(path, 'secretName'), str('secretName'), msg));
      }
      errs.push(...validateFileMode(src.defaultMode as number | undefined, child(path, 'defaultMode')));
      errs.push(...validateKeyToPaths(src.items as KeyToPath[] | undefined, child(path, 'items')));
      break;
    case 'configMap':
      requireField('name');
      if (str('name')) {
        for (const msg of isDNS1123Subdomain(str('name'))) errs.push(invalid(child(path, 'name'), str('name'), msg));
      }
      errs.push(...validateFileMode(src.defaultMode as number | undefined, child(path, 'defaultMode')));
      errs.push(...validateKeyToPaths(src.items as KeyToPath[] | undefined, child(path, 'items')));
      break;
    case 'persistentVolumeClaim':
      requireField('claimName');
      break;
    case 'nfs':
      requireField('server');
      requireField('path');
      break;
    case 'downwardAPI':
    case 'projected':
      errs.push(...validateFileMode(src.defaultMode as number | undefined, child(path, 'defaultMode')));
      break;
    case 'csi':
      requireField('driver');
      break;
  }
  return errs;
}

/** Validates the volumes and returns the names containers may mount. */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, 'name');
    const errs: FieldError[] = [];
    let count = 0;
    const record = vol as unknown as Record<string, unknown>;
    for (const [field, reported] of volumeSources) {
      const src = record[field];
      if (src === undefined || src === null) continue;
      if (count > 0) {
        errs.push(forbidden(child(p, reported), 'may not specify more than 1 volume type'));
        continue;
      }
      count++;
      errs.push(...validateSourceDetails(field, src as Record<string, unknown>, child(p, field)));
    }
    if (count === 0) errs.push(required(p, 'must specify a volume type'));
    if (!vol.name) errs.push(required(namePath));
    else for (const msg of isDNS1123Label(vol.name)) errs.push(invalid(namePath, vol.name, msg));
    if (names.has(vol.name)) errs.push(duplicate(namePath, vol.name));
    if (errs.length === 0) names.add(vol.name);
    errors.push(...errs);
  });
  return { names, errors };
}
