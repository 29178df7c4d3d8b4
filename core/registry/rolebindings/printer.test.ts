import { describe, expect, it } from 'vitest';
import type { ClusterRoleBinding, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';
import { printer as clusterPrinter } from '../clusterrolebindings/printer';

const now = new Date('2024-05-01T12:00:00Z');

describe('role binding printers', () => {
  it('print the role and the subjects by kind', () => {
    const rb: Kube<RoleBinding> = {
      metadata: { name: 'rb', creationTimestamp: '2024-05-01T11:00:00Z' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'ns1' },
        { kind: 'Group', name: 'devs' },
        { kind: 'User', name: 'bob' },
      ],
    };
    expect(printer.cells(rb, now)).toEqual(['rb', 'ClusterRole/view', '60m', 'alice, bob', 'devs', 'ns1/default']);
    const crb: Kube<ClusterRoleBinding> = { metadata: rb.metadata, roleRef: rb.roleRef, subjects: rb.subjects };
    expect(clusterPrinter.cells(crb, now)).toEqual(printer.cells(rb, now));
    expect(clusterPrinter.columns[3].description).toBe('Users in the clusterRoleBinding');
  });
});
