// RoleBindings and ClusterRoleBindings print alike: ROLE ("ClusterRole/admin"), AGE; wide:
// USERS, GROUPS, SERVICEACCOUNTS ("ns/name").
import type { RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { TableColumn } from '../types';
import { ageColumn, column, nameColumn } from './columns';

/** The columns; `owner` names the kind in the descriptions ("roleBinding", "clusterRoleBinding"). */
export function roleBindingColumns(roleRefDoc: string, owner: string): TableColumn[] {
  return [
    nameColumn,
    column('Role', 'string', roleRefDoc),
    ageColumn,
    column('Users', 'string', `Users in the ${owner}`, { priority: 1 }),
    column('Groups', 'string', `Groups in the ${owner}`, { priority: 1 }),
    column('ServiceAccounts', 'string', `ServiceAccounts in the ${owner}`, { priority: 1 }),
  ];
}

/** The cells after NAME and before AGE, and the wide ones, as rbac.SubjectsStrings sorts them. */
export function roleBindingCells(roleRef: RoleRef | undefined, subjects: Subject[] | undefined): { role: string; wide: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return { role: `${roleRef?.kind ?? ''}/${roleRef?.name ?? ''}`, wide: [users.join(', '), groups.join(', '), sas.join(', ')] };
}
