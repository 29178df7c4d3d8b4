// policy/v1 PodDisruptionBudget: ValidatePodDisruptionBudget(StatusUpdate) and the strategy rules.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Kube } from '../../machinery/object';
import { invalid, notSupported, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateLabelSelector } from '../validation/label-selector';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from '../rules/int-or-percent';
import { resetStatus } from '../rules/fresh-status';
import { validateNonnegativeCounts } from '../rules/status-counts';

type Obj = Kube<PodDisruptionBudget>;

const evictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'];

function validate(pdb: Obj): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`), ...validateNotMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !evictionPolicies.includes(policy)) {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, evictionPolicies));
  }
  return errs;
}

export const strategy: Strategy<Obj> = {
  prepareForCreate(pdb) {
    resetStatus(pdb, { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
  },
  validate,
  validateStatusUpdate: (pdb) =>
    validateNonnegativeCounts(
      pdb.status as Record<string, unknown> | undefined,
      ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'],
      'status',
    ),
};
