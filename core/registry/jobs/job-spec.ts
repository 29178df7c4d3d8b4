// Job spec validation shared by Jobs and CronJob job templates (batch validateJobSpec), without
// the selector, which only a Job has.
import type { JobSpec } from 'kubernetes-types/batch/v1';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child } from '../validation/field-path';
import { validateNonnegative } from '../validation/immutable';
import { validatePodTemplateSpec } from '../validation/pod-spec';
import { tooLongBytes } from '../validation/too-long';
import { validateDomainPrefixedPath } from '../rules/domain-path';

const maxParallelismForIndexedJob = 100000;
const maxManagedByLength = 63;
const completionModes = ['NonIndexed', 'Indexed'];
const replacementPolicies = ['Failed', 'TerminatingOrFailed'];

function validateCounts(spec: JobSpec, path: string): FieldError[] {
  const fields = [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ] as const;
  return fields.flatMap((f) => validateNonnegative(spec[f], child(path, f)));
}

function validateCompletionMode(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mode = spec.completionMode;
  if (mode !== undefined && !completionModes.includes(mode)) {
    errs.push(notSupported(child(path, 'completionMode'), mode, completionModes));
  }
  if (mode === 'Indexed') {
    if (spec.completions === undefined) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
    if ((spec.parallelism ?? 0) > maxParallelismForIndexedJob) {
      errs.push(
        invalid(child(path, 'parallelism'), spec.parallelism, `must be less than or equal to ${maxParallelismForIndexedJob} when completion mode is Indexed`),
      );
    }
    if (spec.completions !== undefined && spec.maxFailedIndexes !== undefined && spec.maxFailedIndexes > spec.completions) {
      errs.push(invalid(child(path, 'maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
    }
  } else {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
      if (spec[f] !== undefined) errs.push(invalid(child(path, f), spec[f], 'requires indexed completion mode'));
    }
    if (spec.successPolicy) errs.push(invalid(child(path, 'successPolicy'), spec.successPolicy, 'requires indexed completion mode'));
  }
  return errs;
}

function validateReplacementPolicy(spec: JobSpec, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy;
  if (policy === undefined) return [];
  const allowed = spec.podFailurePolicy ? ['Failed'] : replacementPolicies;
  return allowed.includes(policy) ? [] : [notSupported(child(path, 'podReplacementPolicy'), policy, allowed)];
}

function validateRestartPolicy(spec: JobSpec, path: string): FieldError[] {
  const p = child(path, 'template', 'spec', 'restartPolicy');
  const policy = spec.template?.spec?.restartPolicy ?? '';
  if (policy === 'Always' || policy === '') return [required(p, 'valid values: "OnFailure", "Never"')];
  if (policy !== 'OnFailure' && policy !== 'Never') return [notSupported(p, policy, ['OnFailure', 'Never'])];
  if (spec.podFailurePolicy && policy !== 'Never') {
    return [invalid(p, policy, 'only "Never" is supported when podFailurePolicy is specified')];
  }
  return [];
}

export function validateJobSpecCommon(spec: JobSpec | undefined, path: string): FieldError[] {
  const s: JobSpec = spec ?? ({} as JobSpec);
  const errs = validateCounts(s, path);
  if (s.maxFailedIndexes !== undefined && s.backoffLimitPerIndex === undefined) {
    errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (s.managedBy !== undefined) {
    errs.push(...validateDomainPrefixedPath(s.managedBy, child(path, 'managedBy')));
    if (s.managedBy.length > maxManagedByLength) errs.push(tooLongBytes(child(path, 'managedBy'), maxManagedByLength));
  }
  errs.push(...validateCompletionMode(s, path));
  errs.push(...validateReplacementPolicy(s, path));
  errs.push(...validatePodTemplateSpec(s.template ?? {}, child(path, 'template')));
  errs.push(...validateRestartPolicy(s, path));
  return errs;
}
