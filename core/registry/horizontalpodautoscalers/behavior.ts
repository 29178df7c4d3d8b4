// autoscaling/v2 scaling behavior: the defaults filled into a given behavior, and its checks.
import type { HorizontalPodAutoscalerBehavior, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from '../validation/field-path';

const maxStabilizationWindowSeconds = 3600;
const maxPeriodSeconds = 1800;
const selectPolicies = ['Disabled', 'Max', 'Min'];
const policyTypes = ['Percent', 'Pods'];

const scaleUpDefaults = (): HPAScalingRules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

// No stabilization window: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
const scaleDownDefaults = (): HPAScalingRules => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

function fill(given: HPAScalingRules | undefined, base: HPAScalingRules): HPAScalingRules {
  if (!given) return base;
  return {
    ...given,
    selectPolicy: given.selectPolicy ?? base.selectPolicy,
    stabilizationWindowSeconds: given.stabilizationWindowSeconds ?? base.stabilizationWindowSeconds,
    policies: given.policies ?? base.policies,
  };
}

/** A behavior that is present gets every unset rule field from the defaults. */
export function defaultBehavior(b: HorizontalPodAutoscalerBehavior): void {
  b.scaleUp = fill(b.scaleUp, scaleUpDefaults());
  b.scaleDown = fill(b.scaleDown, scaleDownDefaults());
  if (b.scaleDown.stabilizationWindowSeconds === undefined) delete b.scaleDown.stabilizationWindowSeconds;
}

function validateRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  const windowPath = child(path, 'stabilizationWindowSeconds');
  if (window !== undefined && window < 0) errs.push(invalid(windowPath, window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > maxStabilizationWindowSeconds) {
    errs.push(invalid(windowPath, window, `must be less than or equal to ${maxStabilizationWindowSeconds}`));
  }
  if (rules.selectPolicy !== undefined && !selectPolicies.includes(rules.selectPolicy)) {
    errs.push(notSupported(child(path, 'selectPolicy'), rules.selectPolicy, selectPolicies));
  }
  const policiesPath = child(path, 'policies');
  if (!rules.policies?.length) errs.push(required(policiesPath, 'must specify at least one Policy'));
  (rules.policies ?? []).forEach((p, i) => {
    const pp = index(policiesPath, i);
    if (!policyTypes.includes(p.type)) errs.push(notSupported(child(pp, 'type'), p.type, policyTypes));
    if (!(p.value > 0)) errs.push(invalid(child(pp, 'value'), p.value, 'must be greater than zero'));
    if (!(p.periodSeconds > 0)) errs.push(invalid(child(pp, 'periodSeconds'), p.periodSeconds, 'must be greater than zero'));
    if (p.periodSeconds > maxPeriodSeconds) {
      errs.push(invalid(child(pp, 'periodSeconds'), p.periodSeconds, `must be less than or equal to ${maxPeriodSeconds}`));
    }
  });
  return errs;
}

export const validateBehavior = (b: HorizontalPodAutoscalerBehavior | undefined, path: string): FieldError[] =>
  b ? [...validateRules(b.scaleUp, child(path, 'scaleUp')), ...validateRules(b.scaleDown, child(path, 'scaleDown'))] : [];
