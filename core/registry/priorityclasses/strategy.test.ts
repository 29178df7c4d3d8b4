import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { fieldErrorText } from '../../machinery/field-errors';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): Kube<PriorityClass> => ({ metadata: { name }, value, ...extra });

describe('priorityclass', () => {
  it('defaults preemptionPolicy', () => {
    const p = pc('high', 1000);
    strategy.defaults!(p);
    expect(p.preemptionPolicy).toBe('PreemptLowerPriority');
  });

  it.each([
    { name: 'user class', obj: pc('high', 1_000_000_000), errors: [] },
    { name: 'user class too high', obj: pc('high', 1_000_000_001), errors: ['FieldValueForbidden value'] },
    { name: 'built-in system class', obj: pc('system-node-critical', 2_000_001_000), errors: [] },
    { name: 'unknown system class', obj: pc('system-mine', 10), errors: ['FieldValueForbidden metadata.name'] },
    { name: 'system class with wrong value', obj: pc('system-cluster-critical', 10), errors: ['FieldValueForbidden metadata.name'] },
    { name: 'bad preemption policy', obj: pc('high', 1, { preemptionPolicy: 'Sometimes' }), errors: ['FieldValueNotSupported preemptionPolicy'] },
  ])('validates: $name', ({ obj, errors }) => {
    expect(errorKeys(strategy.validate!(obj))).toEqual(errors);
  });

  it('explains reserved names as Kubernetes does', () => {
    expect(fieldErrorText(strategy.validate!(pc('system-mine', 10))[0]!)).toBe(
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
  });

  it('keeps value and preemptionPolicy fixed', () => {
    const old = pc('high', 10, { preemptionPolicy: 'Never' });
    expect(errorKeys(strategy.validateUpdate!(pc('high', 11, { preemptionPolicy: 'PreemptLowerPriority' }), old))).toEqual([
      'FieldValueForbidden value',
      'FieldValueInvalid preemptionPolicy',
    ]);
    expect(strategy.validateUpdate!(pc('high', 10, { preemptionPolicy: 'Never', description: 'x' }), old)).toEqual([]);
  });
});
