// kubectl get rolebindings: ROLE, AGE; wide: USERS, GROUPS, SERVICEACCOUNTS.
import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { roleBindingCells, roleBindingColumns } from '../printing/role-binding-row';

export const printer: Printer<Kube<RoleBinding>> = {
  columns: roleBindingColumns(doc.rbRoleRef, 'roleBinding'),
  cells(rb, now) {
    const { role, wide } = roleBindingCells(rb.roleRef, rb.subjects);
    return [rb.metadata.name ?? '', role, age(rb, now), ...wide];
  },
};
