// rbac.authorization.k8s.io/v1 Role: namespaced rules only.
import type { Role } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { rbacNameRule, validatePolicyRules } from '../rules/rbac';

export const nameRule = rbacNameRule;

export const strategy: Strategy<Kube<Role>> = {
  validate: (role) => validatePolicyRules(role.rules, true),
};
