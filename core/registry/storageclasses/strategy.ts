// storage.k8s.io/v1 StorageClass: defaults, ValidateStorageClass(Update). Provisioner,
// parameters, reclaim policy and binding mode are fixed once created.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Kube } from '../../machinery/object';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { validateImmutableField } from '../validation/immutable';
import { isQualifiedName, isValidLabelValue } from '../../machinery/names';
import { semanticEqual } from '../validation/semantic-equal';

type Obj = Kube<StorageClass>;

const maxParameters = 512;
const maxParametersSize = 256 * 1024;
const reclaimPolicies = ['Delete', 'Retain'];
const bindingModes = ['Immediate', 'WaitForFirstConsumer'];

function validateParameters(params: Record<string, string> | undefined): FieldError[] {
  const entries = Object.entries(params ?? {});
  if (entries.length > maxParameters) {
    return [{ type: 'FieldValueTooLong', field: 'parameters', value: 'Provisioner Parameters exceeded max allowed', detail: `may not be more than ${maxParameters} bytes` }];
  }
  const errs = entries.filter(([k]) => !k).map(([k]) => invalid('parameters', k, 'field can not be empty.'));
  const size = entries.reduce((n, [k, v]) => n + k.length + v.length, 0);
  if (size > maxParametersSize) errs.push({ type: 'FieldValueTooLong', field: 'parameters', detail: `may not be more than ${maxParametersSize} bytes` });
  return errs;
}

function validateAllowedTopologies(sc: Obj): FieldError[] {
  return (sc.allowedTopologies ?? []).flatMap((term, i) => {
    const path = child(index('allowedTopologies', i), 'matchLabelExpressions');
    const exprs = term.matchLabelExpressions ?? [];
    if (!exprs.length) return [required(path, 'must contain at least one requirement')];
    return exprs.flatMap((e, j) => {
      const p = index(path, j);
      const errs = isQualifiedName(e.key).map((msg) => invalid(child(p, 'key'), e.key, msg));
      if (!e.values?.length) errs.push(required(child(p, 'values'), 'must specify as least one value'));
      for (const [k, v] of (e.values ?? []).entries()) {
        errs.push(...isValidLabelValue(v).map((msg) => invalid(index(child(p, 'values'), k), v, msg)));
      }
      return errs;
    });
  });
}

function validate(sc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const provisioner = sc.provisioner ?? '';
  if (!provisioner) errs.push(required('provisioner', ''));
  else errs.push(...isQualifiedName(provisioner.toLowerCase()).map((msg) => invalid('provisioner', provisioner.toLowerCase(), msg)));
  errs.push(...validateParameters(sc.parameters));
  const reclaim = sc.reclaimPolicy ?? '';
  if (reclaim && !reclaimPolicies.includes(reclaim)) errs.push(notSupported('reclaimPolicy', reclaim, reclaimPolicies));
  const mode = sc.volumeBindingMode;
  if (mode === undefined) errs.push(required('volumeBindingMode'));
  else if (!bindingModes.includes(mode)) errs.push(notSupported('volumeBindingMode', mode, bindingModes));
  errs.push(...validateAllowedTopologies(sc));
  return errs;
}

function validateUpdate(sc: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (!semanticEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutableField(sc.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode'));
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(sc) {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate,
  validateUpdate,
};
