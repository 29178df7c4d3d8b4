// PersistentVolumeClaim rules (SetDefaults_PersistentVolumeClaim*, PVC strategy,
// ValidatePersistentVolumeClaim*).
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec, PersistentVolumeClaimStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultResourceList } from '../defaults/resource-list';
import { forbidden, invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { key } from '../validation/field-path';
import { validateLabelSelector } from '../validation/label-selector';
import { isDNS1123Subdomain } from '../../machinery/names';
import { validateAccessModes, validateVolumeMode } from '../validation/persistent-volume';
import { compareQuantities, formatQuantity, parseQuantity } from '../../machinery/quantity';
import { validateResourceList } from '../validation/resource-list';
import { differingPaths, semanticEqual } from '../validation/semantic-equal';

type PVCObject = Kube<PersistentVolumeClaim>;

const storageOf = (spec: PersistentVolumeClaimSpec | undefined): string | number | undefined =>
  (spec?.resources?.requests as Record<string, string | number> | undefined)?.storage;

function validateClaimSpec(spec: PersistentVolumeClaimSpec | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = validateAccessModes(s.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  const requests = s.resources?.requests as Record<string, unknown> | undefined;
  const storage = storageOf(s);
  // Kubernetes keys the storage errors on spec.resources, not spec.resources.requests.
  const storagePath = key('spec.resources', 'storage');
  if (storage === undefined) {
    errs.push(required(storagePath));
  } else {
    const q = parseQuantity(storage);
    if (q && q.unscaled <= 0n) errs.push(invalid(storagePath, formatQuantity(q), 'must be greater than zero'));
  }
  errs.push(...validateResourceList(requests, 'spec.resources.requests'));
  errs.push(...validateResourceList(s.resources?.limits as Record<string, unknown> | undefined, 'spec.resources.limits'));
  if (s.storageClassName) {
    for (const m of isDNS1123Subdomain(s.storageClassName)) errs.push(invalid('spec.storageClassName', s.storageClassName, m));
  }
  errs.push(...validateVolumeMode(s.volumeMode, 'spec.volumeMode'));
  return errs;
}

/**
 * The spec is fixed once created, except: volumeName may be set once (binding), and a bound
 * claim's storage request may grow.
 */
function validateClaimUpdate(pvc: PVCObject, old: PVCObject): FieldError[] {
  const errs: FieldError[] = [];
  const next: PersistentVolumeClaimSpec = structuredClone(pvc.spec ?? {});
  const prev: PersistentVolumeClaimSpec = structuredClone(old.spec ?? {});
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  if (old.status?.phase === 'Bound') {
    const requests = (next.resources ??= {}).requests ??= {};
    const oldStorage = storageOf(prev);
    if (oldStorage === undefined) delete requests.storage;
    else requests.storage = oldStorage as string;
  }
  next.volumeAttributesClassName = prev.volumeAttributesClassName;
  if (!semanticEqual(next, prev)) {
    const changed = differingPaths(prev, next, 'spec').map((p) => `  ${p}`).join('\n');
    errs.push(forbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${changed}`));
  }
  const [newSize, oldSize] = [parseQuantity(storageOf(pvc.spec) ?? ''), parseQuantity(storageOf(old.spec) ?? '')];
  if (newSize && oldSize && compareQuantities(newSize, oldSize) < 0) {
    errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  }
  return errs;
}

export const strategy: Strategy<PVCObject> = {
  defaults(pvc) {
    const spec = (pvc.spec ??= {});
    spec.volumeMode ??= 'Filesystem';
    defaultResourceList(spec.resources?.requests as Record<string, unknown> | undefined);
    defaultResourceList(spec.resources?.limits as Record<string, unknown> | undefined);
  },
  prepareForCreate(pvc) {
    (pvc as { status?: PersistentVolumeClaimStatus }).status = { phase: 'Pending' };
  },
  validate: (pvc) => validateClaimSpec(pvc.spec),
  validateUpdate: validateClaimUpdate,
};
