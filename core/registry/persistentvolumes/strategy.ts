// PersistentVolume rules (SetDefaults_PersistentVolume, PV strategy, ValidatePersistentVolume*).
import type { PersistentVolume, PersistentVolumeSpec, PersistentVolumeStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultResourceList } from '../defaults/resource-list';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateImmutableField } from '../validation/immutable';
import { isDNS1123Subdomain } from '../../machinery/names';
import { validateAccessModes, validateVolumeMode } from '../validation/persistent-volume';
import { validateResourceList } from '../validation/resource-list';
import { semanticEqual } from '../validation/semantic-equal';
import { validateNodeSelector } from '../validation/scheduling';
import { volumeSourceFields } from '../validation/volumes';
import { metaTime } from '../../machinery/meta-time';

type PVObject = Kube<PersistentVolume>;

const reclaimPolicies = ['Delete', 'Recycle', 'Retain'];
/** Fields of spec that are not the volume source. */
const nonSourceFields = new Set([
  'accessModes', 'capacity', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions',
  'volumeMode', 'nodeAffinity', 'volumeAttributesClassName',
]);
const pvSourceFields = [...volumeSourceFields.filter((f) => !['emptyDir', 'gitRepo', 'secret', 'configMap', 'downwardAPI', 'projected', 'persistentVolumeClaim', 'ephemeral', 'image'].includes(f)), 'local'];


const sourceOf = (spec: PersistentVolumeSpec | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !nonSourceFields.has(k)));

function validatePV(pv: PVObject): FieldError[] {
  const spec = pv.spec ?? {};
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes');
  const capacity = (spec.capacity ?? {}) as Record<string, unknown>;
  const names = Object.keys(capacity);
  if (!names.length) errs.push(required('spec.capacity'));
  else if (!('storage' in capacity) || names.length > 1) errs.push(notSupported('spec.capacity', names.join(','), ['storage']));
  errs.push(...validateResourceList(capacity, 'spec.capacity'));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !reclaimPolicies.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, reclaimPolicies));
  if (spec.storageClassName) {
    for (const m of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalid('spec.storageClassName', spec.storageClassName, m));
  }
  errs.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  const record = spec as Record<string, unknown>;
  const given = pvSourceFields.filter((f) => record[f] !== undefined && record[f] !== null);
  if (!given.length) errs.push(required('spec', 'must specify a volume type'));
  for (const f of given.slice(1)) errs.push(forbidden(`spec.${f}`, 'may not specify more than 1 volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path'));
  if (spec.local) {
    if (!spec.local.path) errs.push(required('spec.local.path'));
    if (!spec.nodeAffinity) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (spec.nfs) {
    if (!spec.nfs.server) errs.push(required('spec.nfs.server'));
    if (!spec.nfs.path) errs.push(required('spec.nfs.path'));
  }
  if (spec.nodeAffinity?.required) errs.push(...validateNodeSelector(spec.nodeAffinity.required, 'spec.nodeAffinity.required'));
  return errs;
}

function validatePVUpdate(pv: PVObject, old: PVObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!semanticEqual(sourceOf(pv.spec), sourceOf(old.spec))) {
    errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  errs.push(...validateImmutableField(pv.spec?.volumeMode, old.spec?.volumeMode, 'spec.volumeMode'));
  if (old.spec?.nodeAffinity) errs.push(...validateImmutableField(pv.spec?.nodeAffinity, old.spec.nodeAffinity, 'spec.nodeAffinity'));
  return errs;
}

export const strategy: Strategy<PVObject> = {
  defaults(pv) {
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    defaultResourceList(spec.capacity as Record<string, unknown> | undefined);
  },
  prepareForCreate(pv) {
    (pv as { status?: PersistentVolumeStatus }).status = { phase: 'Pending', lastPhaseTransitionTime: metaTime() };
  },
  validate: validatePV,
  validateUpdate: validatePVUpdate,
  prepareForStatusUpdate(pv, old) {
    // The phase transition time follows phase changes.
    const status = pv.status as PersistentVolumeStatus | undefined;
    if (status && status.phase !== old.status?.phase) status.lastPhaseTransitionTime = metaTime();
  },
};
