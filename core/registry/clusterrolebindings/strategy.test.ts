import type { ClusterRoleBinding } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const binding = (kind: string): Kube<ClusterRoleBinding> => ({
  metadata: { name: 'system:admins' },
  roleRef: { apiGroup: '', kind, name: 'cluster-admin' },
  subjects: [{ kind: 'Group', name: 'system:masters' }],
});

describe('clusterrolebinding', () => {
  it.each([
    { kind: 'ClusterRole', errors: [] },
    { kind: 'Role', errors: ['FieldValueNotSupported roleRef.kind'] },
  ])('binds a $kind', ({ kind, errors }) => {
    const b = binding(kind);
    strategy.defaults!(b);
    expect(errorKeys(strategy.validate!(b))).toEqual(errors);
  });
});
