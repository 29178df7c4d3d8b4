// apps/v1 Deployment: SetDefaults_Deployment, ValidateDeployment(Update) and the registry
// strategy's create/update/status rules.
import type { Deployment, DeploymentSpec, DeploymentStrategy } from 'kubernetes-types/apps/v1';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { defaultPodTemplateSpec } from '../defaults/pod-spec';
import { child } from '../validation/field-path';
import { validateImmutableField, validateNonnegative } from '../validation/immutable';
import { intOrPercentValue, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../rules/int-or-percent';
import { validateCollisionCount, validateNonnegativeCounts, validateNotAbove } from '../rules/status-counts';
import { validateReplicaSetTemplate, validateRequiredSelector } from '../rules/workload';

type Obj = Kube<Deployment>;

function defaults(d: Obj): void {
  const spec = (d.spec ??= {} as DeploymentSpec);
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.template ??= {};
  defaultPodTemplateSpec(spec.template);
}

function validateStrategy(s: DeploymentStrategy | undefined, path: string): FieldError[] {
  const ruPath = child(path, 'rollingUpdate');
  switch (s?.type) {
    case 'Recreate':
      return s.rollingUpdate ? [forbidden(ruPath, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [required(ruPath, 'this should be defaulted and never be nil')];
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, child(ruPath, 'maxUnavailable')),
        ...validatePositiveIntOrPercent(ru.maxSurge, child(ruPath, 'maxSurge')),
      ];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(child(ruPath, 'maxUnavailable'), ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, child(ruPath, 'maxUnavailable')));
      return errs;
    }
    default:
      return [notSupported(path, s ?? null, ['Recreate', 'RollingUpdate'])];
  }
}

function validate(d: Obj): FieldError[] {
  const spec = d.spec;
  const errs: FieldError[] = [
    ...validateNonnegative(spec?.replicas, 'spec.replicas'),
    ...validateRequiredSelector(spec?.selector, 'spec.selector', 'deployment'),
    ...validateReplicaSetTemplate(spec?.selector, spec?.template, 'spec.template', 'spec.selector'),
    ...validateStrategy(spec?.strategy, 'spec.strategy'),
    ...validateNonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'),
    ...validateNonnegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  const deadline = spec?.progressDeadlineSeconds;
  if (deadline !== undefined) {
    errs.push(...validateNonnegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= (spec?.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

const counters = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'];

function validateStatusUpdate(d: Obj, old: Obj): FieldError[] {
  const s = d.status as Record<string, unknown> | undefined;
  const above = 'cannot be greater than status.replicas';
  return [
    ...validateNonnegativeCounts(s, [...counters, 'collisionCount'], 'status'),
    ...validateNotAbove(s, 'updatedReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'readyReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'replicas', 'status', above),
    ...validateNotAbove(s, 'availableReplicas', 'readyReplicas', 'status', 'cannot be greater than readyReplicas'),
    ...validateCollisionCount(s, old.status as Record<string, unknown> | undefined, 'status'),
  ];
}

export const strategy: Strategy<Obj> = {
  defaults,
  prepareForCreate(d) {
    resetStatus(d);
  },
  validate,
  // apps/v1 forbids re-pointing a Deployment at other pods.
  validateUpdate: (d, old) => validateImmutableField(d.spec?.selector, old.spec?.selector, 'spec.selector'),
  validateStatusUpdate,
};
