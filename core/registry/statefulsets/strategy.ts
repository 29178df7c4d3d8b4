// apps/v1 StatefulSet: SetDefaults_StatefulSet, ValidateStatefulSet(Update) and the strategy
// rules. Only a few spec fields may change after creation.
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { child } from '../validation/field-path';
import { validateNonnegative } from '../validation/immutable';
import { isDNS1123Label } from '../../machinery/names';
import { validateAnnotations, validateLabels } from '../validation/object-meta';
import { semanticEqual } from '../validation/semantic-equal';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../rules/int-or-percent';
import { validateCollisionCount, validateNonnegativeCounts, validateNotAbove } from '../rules/status-counts';
import { parsedSelector } from '../rules/selector-match';
import { validateLongRunningPods, validateRequiredSelector, validateSelectorMatchesTemplate } from '../rules/workload';

type Obj = Kube<StatefulSet>;

/** Pod names are <statefulset>-<ordinal> and become hostnames, so the name must be a DNS label. */
export const nameRule = isDNS1123Label;

const retentionPolicies = ['Retain', 'Delete'];

function defaultClaimTemplate(pvc: PersistentVolumeClaim): void {
  (pvc.spec ??= {}).volumeMode ??= 'Filesystem';
  // status is read-only in kubernetes-types, but a claim template's status is defaulted too.
  const claim = pvc as { status?: { phase?: string } };
  (claim.status ??= {}).phase ||= 'Pending';
}

function defaults(ss: Obj): void {
  const spec = (ss.spec ??= {} as StatefulSetSpec);
  spec.podManagementPolicy ||= 'OrderedReady';
  const us = (spec.updateStrategy ??= {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    us.rollingUpdate ??= {};
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate) us.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.template ??= {};
  defaultPodTemplateSpec(spec.template);
  spec.volumeClaimTemplates?.forEach(defaultClaimTemplate);
}

function validateUpdateStrategy(spec: StatefulSetSpec | undefined): FieldError[] {
  const path = 'spec.updateStrategy';
  const us = spec?.updateStrategy;
  const ruPath = child(path, 'rollingUpdate');
  switch (us?.type ?? '') {
    case '':
      return [required(path)];
    case 'OnDelete':
      return us?.rollingUpdate ? [invalid(ruPath, us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case 'RollingUpdate': {
      const ru = us?.rollingUpdate;
      if (!ru) return [];
      const errs = validateNonnegative(ru.partition, child(ruPath, 'partition'));
      if (ru.maxUnavailable !== undefined) {
        const p = child(ruPath, 'maxUnavailable');
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(p, ru.maxUnavailable, 'cannot be 0'));
        errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, p));
      }
      return errs;
    }
    default:
      return [invalid(path, us, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

function validateSpec(spec: StatefulSetSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec?.podManagementPolicy ?? '';
  if (pmp === '') errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(spec));
  const retention = spec?.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[f] ?? '';
      if (!retentionPolicies.includes(v)) {
        errs.push(notSupported(child('spec.persistentVolumeClaimRetentionPolicy', f), v, retentionPolicies));
      }
    }
  }
  errs.push(...validateNonnegative(spec?.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec?.ordinals?.start, 'spec.ordinals.start'));
  errs.push(...validateRequiredSelector(spec?.selector, 'spec.selector', 'statefulset'));
  const template = spec?.template;
  if (spec?.selector && !parsedSelector(spec.selector)) {
    errs.push(invalid('spec.selector', spec.selector, ''));
  } else {
    // Kubernetes checks only the template's metadata here, not its pod spec.
    errs.push(...validateSelectorMatchesTemplate(spec?.selector, template, 'spec.template'));
    errs.push(...validateLabels(template?.metadata?.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(template?.metadata?.annotations, 'spec.template.annotations'));
  }
  errs.push(...validateLongRunningPods(template, 'spec.template', 'StatefulSet'));
  return errs;
}

// Fields a client may change after creation; everything else in spec is fixed.
const mutableSpecFields = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function validateUpdate(ss: Obj, old: Obj): FieldError[] {
  const strip = (spec: StatefulSetSpec | undefined): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...spec };
    for (const f of mutableSpecFields) delete rest[f];
    return rest;
  };
  if (semanticEqual(strip(ss.spec), strip(old.spec))) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

function validateStatusUpdate(ss: Obj, old: Obj): FieldError[] {
  const s = ss.status as Record<string, unknown> | undefined;
  const above = 'cannot be greater than status.replicas';
  return [
    ...validateNonnegativeCounts(
      s,
      ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'observedGeneration', 'collisionCount'],
      'status',
    ),
    ...validateNotAbove(s, 'readyReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'currentReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'updatedReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'readyReplicas', 'status', 'cannot be greater than status.readyReplicas'),
    ...validateCollisionCount(s, old.status as Record<string, unknown> | undefined, 'status'),
  ];
}

export const strategy: Strategy<Obj> = {
  defaults,
  prepareForCreate(ss) {
    resetStatus(ss, { replicas: 0, availableReplicas: 0 });
  },
  validate: (ss) => validateSpec(ss.spec),
  validateUpdate,
  validateStatusUpdate,
};
