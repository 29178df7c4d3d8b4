import type { LeaseSpec } from 'kubernetes-types/coordination/v1';
import { describe, expect, it } from 'vitest';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

describe('lease', () => {
  it.each([
    { name: 'valid', spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, leaseTransitions: 0 }, errors: [] },
    { name: 'zero duration', spec: { leaseDurationSeconds: 0 }, errors: ['FieldValueInvalid spec.leaseDurationSeconds'] },
    { name: 'negative transitions', spec: { leaseTransitions: -1 }, errors: ['FieldValueInvalid spec.leaseTransitions'] },
  ])('validates: $name', ({ spec, errors }: { spec: LeaseSpec; errors: string[] }) => {
    expect(errorKeys(strategy.validate!({ metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec }))).toEqual(errors);
  });
});
