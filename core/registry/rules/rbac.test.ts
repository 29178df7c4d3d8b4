import type { PolicyRule, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { errorKeys } from '../../../test/support/error-keys';
import { defaultBinding, rbacNameRule, validatePolicyRules, validateRoleRef, validateRoleRefUnchanged, validateSubjects } from './rbac';

describe('rbac rules', () => {
  const cases: { name: string; rule: PolicyRule; namespaced: boolean; errors: string[] }[] = [
    { name: 'resource rule', rule: { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, namespaced: true, errors: [] },
    { name: 'no verbs', rule: { verbs: [], apiGroups: [''], resources: ['pods'] }, namespaced: true, errors: ['FieldValueRequired rules[0].verbs'] },
    {
      name: 'no groups or resources',
      rule: { verbs: ['get'] },
      namespaced: true,
      errors: ['FieldValueRequired rules[0].apiGroups', 'FieldValueRequired rules[0].resources'],
    },
    { name: 'cluster URL rule', rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] }, namespaced: false, errors: [] },
    {
      name: 'namespaced URL rule',
      rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      namespaced: true,
      errors: ['FieldValueInvalid rules[0].nonResourceURLs'],
    },
    {
      name: 'URLs mixed with resources',
      rule: { verbs: ['get'], nonResourceURLs: ['/healthz'], resources: ['pods'] },
      namespaced: false,
      errors: ['FieldValueInvalid rules[0].nonResourceURLs'],
    },
  ];
  it.each(cases)('$name', ({ rule, namespaced, errors }) => {
    expect(errorKeys(validatePolicyRules([rule], namespaced))).toEqual(errors);
  });

  it('allows system: names but not slashes', () => {
    expect(rbacNameRule('system:controller:job-controller')).toEqual([]);
    expect(rbacNameRule('a/b')).toEqual(["may not contain '/'"]);
    expect(rbacNameRule('..')).toEqual(["may not be '..'"]);
  });
});

describe('rbac bindings', () => {
  it('defaults apiGroups of roleRef and of User and Group subjects', () => {
    const b: RoleBinding = {
      roleRef: { kind: 'Role', name: 'r', apiGroup: '' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'ns' },
      ],
    };
    defaultBinding(b);
    expect(b.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(b.subjects!.map((s) => s.apiGroup)).toEqual(['rbac.authorization.k8s.io', 'rbac.authorization.k8s.io', undefined]);
  });

  it.each([
    { name: 'valid', ref: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, errors: [] },
    { name: 'wrong kind', ref: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Pod', name: 'r' }, errors: ['FieldValueNotSupported roleRef.kind'] },
    { name: 'wrong group', ref: { apiGroup: 'apps', kind: 'Role', name: 'r' }, errors: ['FieldValueNotSupported roleRef.apiGroup'] },
    { name: 'no name', ref: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: '' }, errors: ['FieldValueRequired roleRef.name'] },
  ])('roleRef: $name', ({ ref, errors }) => {
    expect(errorKeys(validateRoleRef(ref, ['Role', 'ClusterRole']))).toEqual(errors);
  });

  const subjectCases: { name: string; subject: Subject; namespaced: boolean; errors: string[] }[] = [
    { name: 'user', subject: { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }, namespaced: true, errors: [] },
    { name: 'user without group', subject: { kind: 'User', name: 'alice' }, namespaced: true, errors: ['FieldValueNotSupported subjects[0].apiGroup'] },
    { name: 'cluster SA without namespace', subject: { kind: 'ServiceAccount', name: 'sa' }, namespaced: false, errors: ['FieldValueRequired subjects[0].namespace'] },
    { name: 'namespaced SA without namespace', subject: { kind: 'ServiceAccount', name: 'sa' }, namespaced: true, errors: [] },
    { name: 'unknown kind', subject: { kind: 'Robot', name: 'r2' }, namespaced: true, errors: ['FieldValueNotSupported subjects[0].kind'] },
    { name: 'no name', subject: { kind: 'Group', name: '', apiGroup: 'rbac.authorization.k8s.io' }, namespaced: true, errors: ['FieldValueRequired subjects[0].name'] },
  ];
  it.each(subjectCases)('subject: $name', ({ subject, namespaced, errors }) => {
    expect(errorKeys(validateSubjects([subject], namespaced))).toEqual(errors);
  });

  it('refuses a roleRef change with Kubernetes wording', () => {
    const old = { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a' } };
    const next = { roleRef: { ...old.roleRef, name: 'b' } };
    expect(validateRoleRefUnchanged(next, old)).toEqual([{ type: 'FieldValueInvalid', field: 'roleRef', value: next.roleRef, detail: 'cannot change roleRef' }]);
    expect(validateRoleRefUnchanged(old, old)).toEqual([]);
  });
});
