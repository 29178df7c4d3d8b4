// rbac.authorization.k8s.io/v1 ClusterRole: rules may name non-resource URLs, and an
// aggregation rule needs at least one selector.
import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import { required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { index } from '../validation/field-path';
import { validateLabelSelector } from '../validation/label-selector';
import { rbacNameRule, validatePolicyRules } from '../rules/rbac';

export const nameRule = rbacNameRule;

function validate(role: Kube<ClusterRole>): FieldError[] {
  const errs = validatePolicyRules(role.rules, false);
  const aggregation = role.aggregationRule;
  if (aggregation) {
    const path = 'aggregationRule.clusterRoleSelectors';
    const selectors = aggregation.clusterRoleSelectors ?? [];
    if (!selectors.length) errs.push(required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    selectors.forEach((s, i) => errs.push(...validateLabelSelector(s, index(path, i))));
  }
  return errs;
}

export const strategy: Strategy<Kube<ClusterRole>> = { validate };
