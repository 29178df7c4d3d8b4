// RBAC validation and defaults shared by Roles, ClusterRoles and their bindings
// (rbac/validation and rbac/v1 defaults).
import type { PolicyRule, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from '../validation/field-path';
import { isDNS1123Subdomain } from '../../machinery/names';
import { semanticEqual } from '../validation/semantic-equal';
import { isValidPathSegmentName } from './path-segment';

export const rbacGroup = 'rbac.authorization.k8s.io';

/** RBAC object names only need to be one URL path segment ("system:node" is fine). */
export const rbacNameRule = isValidPathSegmentName;

export function validatePolicyRules(rules: PolicyRule[] | undefined, namespaced: boolean): FieldError[] {
  return (rules ?? []).flatMap((rule, i) => {
    const path = index('rules', i);
    const errs: FieldError[] = [];
    if (!rule.verbs?.length) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
    const urls = rule.nonResourceURLs ?? [];
    if (urls.length) {
      const urlPath = child(path, 'nonResourceURLs');
      if (namespaced) errs.push(invalid(urlPath, urls, 'namespaced rules cannot apply to non-resource URLs'));
      if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
        errs.push(invalid(urlPath, urls, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return errs;
    }
    if (!rule.apiGroups?.length) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
    if (!rule.resources?.length) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
    return errs;
  });
}

export function validateRoleRef(ref: RoleRef | undefined, kinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const apiGroup = ref?.apiGroup ?? '';
  if (apiGroup !== rbacGroup) errs.push(notSupported('roleRef.apiGroup', apiGroup, [rbacGroup]));
  const kind = ref?.kind ?? '';
  if (!kinds.includes(kind)) errs.push(notSupported('roleRef.kind', kind, kinds));
  const name = ref?.name ?? '';
  if (!name) errs.push(required('roleRef.name'));
  else errs.push(...rbacNameRule(name).map((msg) => invalid('roleRef.name', name, msg)));
  return errs;
}

function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = s.name ?? '';
  const apiGroup = s.apiGroup ?? '';
  if (!name) errs.push(required(child(path, 'name')));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) errs.push(...isDNS1123Subdomain(name).map((msg) => invalid(child(path, 'name'), name, msg)));
      if (apiGroup) errs.push(notSupported(child(path, 'apiGroup'), apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== rbacGroup) errs.push(notSupported(child(path, 'apiGroup'), apiGroup, [rbacGroup]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

export const validateSubjects = (subjects: Subject[] | undefined, namespaced: boolean): FieldError[] =>
  (subjects ?? []).flatMap((s, i) => validateSubject(s, namespaced, index('subjects', i)));

interface Binding {
  roleRef?: RoleRef;
  subjects?: Subject[];
}

/** roleRef.apiGroup and each User/Group subject's apiGroup default to the RBAC group. */
export function defaultBinding(b: Binding): void {
  if (b.roleRef && !b.roleRef.apiGroup) b.roleRef.apiGroup = rbacGroup;
  for (const s of b.subjects ?? []) {
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = rbacGroup;
  }
}

export const validateRoleRefUnchanged = (b: Binding, old: Binding): FieldError[] =>
  semanticEqual(b.roleRef, old.roleRef) ? [] : [invalid('roleRef', b.roleRef, 'cannot change roleRef')];
