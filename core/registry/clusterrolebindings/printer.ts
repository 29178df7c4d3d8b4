// kubectl get clusterrolebindings: ROLE, AGE; wide: USERS, GROUPS, SERVICEACCOUNTS.
import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { roleBindingCells, roleBindingColumns } from '../printing/role-binding-row';

export const printer: Printer<Kube<ClusterRoleBinding>> = {
  columns: roleBindingColumns(doc.crbRoleRef, 'clusterRoleBinding'),
  cells(crb, now) {
    const { role, wide } = roleBindingCells(crb.roleRef, crb.subjects);
    return [crb.metadata.name ?? '', role, age(crb, now), ...wide];
  },
};
