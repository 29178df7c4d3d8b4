// rbac.authorization.k8s.io/v1 RoleBinding: binds a Role or ClusterRole in one namespace; the
// role it points at never changes.
import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { defaultBinding, rbacNameRule, validateRoleRef, validateRoleRefUnchanged, validateSubjects } from '../rules/rbac';

export const nameRule = rbacNameRule;

export const strategy: Strategy<Kube<RoleBinding>> = {
  defaults: defaultBinding,
  validate: (b) => [...validateRoleRef(b.roleRef, ['Role', 'ClusterRole']), ...validateSubjects(b.subjects, true)],
  validateUpdate: validateRoleRefUnchanged,
};
