// apps/v1 DaemonSet: SetDefaults_DaemonSet, ValidateDaemonSet(Update) and the strategy rules,
// including the template generation kept in the deprecated.daemonset.template.generation
// annotation (the apps/v1 form of spec.templateGeneration).
import type { DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { child } from '../validation/field-path';
import { validateImmutableField, validateNonnegative } from '../validation/immutable';
import { validatePodTemplateSpec } from '../validation/pod-spec';
import { semanticEqual } from '../validation/semantic-equal';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../rules/int-or-percent';
import { validateCollisionCount, validateNonnegativeCounts } from '../rules/status-counts';
import { validateLongRunningPods, validateRequiredSelector, validateSelectorMatchesTemplate } from '../rules/workload';

type Obj = Kube<DaemonSet>;

export const templateGenerationAnnotation = 'deprecated.daemonset.template.generation';

function templateGeneration(ds: Obj): number {
  const n = Number.parseInt(ds.metadata.annotations?.[templateGenerationAnnotation] ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

function setTemplateGeneration(ds: Obj, n: number): void {
  ds.metadata.annotations = { ...ds.metadata.annotations, [templateGenerationAnnotation]: String(n) };
}

function validateUpdateStrategy(s: DaemonSetUpdateStrategy | undefined, path: string): FieldError[] {
  switch (s?.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      const ruPath = child(path, 'rollingUpdate');
      if (!ru) return [required(ruPath)];
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, child(ruPath, 'maxUnavailable')),
        ...validatePositiveIntOrPercent(ru.maxSurge, child(ruPath, 'maxSurge')),
        ...validateNotMoreThan100Percent(ru.maxUnavailable, child(ruPath, 'maxUnavailable')),
        ...validateNotMoreThan100Percent(ru.maxSurge, child(ruPath, 'maxSurge')),
      ];
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) {
        errs.push(invalid(child(ruPath, 'maxSurge'), ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
      } else if (!hasUnavailable && !hasSurge) {
        errs.push(required(child(ruPath, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
      }
      return errs;
    }
    default:
      return [notSupported(path, s ?? null, ['RollingUpdate', 'OnDelete'])];
  }
}

function validate(ds: Obj): FieldError[] {
  const spec = ds.spec;
  return [
    ...validateRequiredSelector(spec?.selector, 'spec.selector', 'daemonset'),
    ...validateSelectorMatchesTemplate(spec?.selector, spec?.template, 'spec.template'),
    ...validatePodTemplateSpec(spec?.template ?? {}, 'spec.template'),
    ...validateLongRunningPods(spec?.template, 'spec.template', 'DaemonSet'),
    ...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'),
    ...validateUpdateStrategy(spec?.updateStrategy, 'spec.updateStrategy'),
    ...validateNonnegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
}

const counters = [
  'currentNumberScheduled',
  'numberMisscheduled',
  'desiredNumberScheduled',
  'numberReady',
  'observedGeneration',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
  'collisionCount',
];

export const strategy: Strategy<Obj> = {
  defaults(ds) {
    const spec = (ds.spec ??= {} as DaemonSetSpec);
    const us = (spec.updateStrategy ??= {});
    us.type ||= 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = (us.rollingUpdate ??= {});
      ru.maxUnavailable ??= 1;
      ru.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    spec.template ??= {};
    defaultPodTemplateSpec(spec.template);
  },
  prepareForCreate(ds) {
    resetStatus(ds, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    if (templateGeneration(ds) < 1) setTemplateGeneration(ds, 1);
  },
  prepareForUpdate(ds, old) {
    // Clients cannot set the template generation; it counts template changes.
    const before = templateGeneration(old);
    // Compare defaulted templates, as Kubernetes does after decoding.
    const next = structuredClone(ds.spec?.template ?? {});
    defaultPodTemplateSpec(next);
    const changed = !semanticEqual(next, old.spec?.template);
    if (before !== 0) setTemplateGeneration(ds, changed ? before + 1 : before);
  },
  validate,
  validateUpdate: (ds, old) => validateImmutableField(ds.spec?.selector, old.spec?.selector, 'spec.selector'),
  validateStatusUpdate(ds, old) {
    const s = ds.status as Record<string, unknown> | undefined;
    return [
      ...validateNonnegativeCounts(s, counters, 'status'),
      ...validateCollisionCount(s, old.status as Record<string, unknown> | undefined, 'status'),
    ];
  },
};
