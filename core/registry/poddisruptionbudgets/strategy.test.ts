import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const pdb = (spec: PodDisruptionBudgetSpec): Kube<PodDisruptionBudget> => ({ metadata: { name: 'p', namespace: 'default' }, spec });

describe('poddisruptionbudget', () => {
  it.each([
    { name: 'minAvailable count', spec: { minAvailable: 1, selector: { matchLabels: { app: 'x' } } }, errors: [] },
    { name: 'maxUnavailable percent', spec: { maxUnavailable: '50%' }, errors: [] },
    { name: 'both set', spec: { minAvailable: 1, maxUnavailable: 1 }, errors: ['FieldValueInvalid spec'] },
    { name: 'negative', spec: { minAvailable: -1 }, errors: ['FieldValueInvalid spec.minAvailable'] },
    { name: 'over 100%', spec: { maxUnavailable: '150%' }, errors: ['FieldValueInvalid spec.maxUnavailable'] },
    { name: 'not a percentage', spec: { maxUnavailable: 'half' }, errors: ['FieldValueInvalid spec.maxUnavailable'] },
    { name: 'bad eviction policy', spec: { unhealthyPodEvictionPolicy: 'Never' }, errors: ['FieldValueNotSupported spec.unhealthyPodEvictionPolicy'] },
  ])('validates: $name', ({ spec, errors }) => {
    expect(errorKeys(strategy.validate!(pdb(spec)))).toEqual(errors);
  });

  it('starts with zeroed status counters', () => {
    const p = pdb({});
    strategy.prepareForCreate!(p);
    expect(p.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
  });
});
