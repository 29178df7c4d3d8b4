import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

describe('clusterrole', () => {
  it.each([
    { name: 'URL rules allowed', role: { rules: [{ verbs: ['get'], nonResourceURLs: ['/metrics'] }] }, errors: [] },
    { name: 'empty aggregation', role: { aggregationRule: { clusterRoleSelectors: [] } }, errors: ['FieldValueRequired aggregationRule.clusterRoleSelectors'] },
    {
      name: 'aggregation selector checked',
      role: { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'a', operator: 'Near' }] }] } },
      errors: ['FieldValueInvalid aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator'],
    },
  ])('$name', ({ role, errors }) => {
    const obj = { metadata: { name: 'view' }, ...role } as Kube<ClusterRole>;
    expect(errorKeys(strategy.validate!(obj))).toEqual(errors);
  });
});
