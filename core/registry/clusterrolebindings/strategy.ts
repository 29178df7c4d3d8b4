// rbac.authorization.k8s.io/v1 ClusterRoleBinding: binds a ClusterRole cluster-wide; service
// account subjects must name their namespace.
import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Strategy } from '../types';
import { defaultBinding, rbacNameRule, validateRoleRef, validateRoleRefUnchanged, validateSubjects } from '../rules/rbac';

export const nameRule = rbacNameRule;

export const strategy: Strategy<Kube<ClusterRoleBinding>> = {
  defaults: defaultBinding,
  validate: (b) => [...validateRoleRef(b.roleRef, ['ClusterRole']), ...validateSubjects(b.subjects, false)],
  validateUpdate: validateRoleRefUnchanged,
};
