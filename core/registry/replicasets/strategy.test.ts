import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

function defaulted(change: (r: Kube<ReplicaSet>) => void = () => undefined): Kube<ReplicaSet> {
  const r: Kube<ReplicaSet> = {
    metadata: { name: 'rs', namespace: 'default' },
    spec: {
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
  change(r);
  strategy.defaults!(r);
  return r;
}

describe('replicaset', () => {
  it('defaults replicas to 1 and starts with zero status replicas', () => {
    const r = defaulted();
    strategy.prepareForCreate!(r);
    expect(r.spec!.replicas).toBe(1);
    expect(r.status).toEqual({ replicas: 0 });
  });

  const cases: { name: string; change: (r: Kube<ReplicaSet>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'negative minReadySeconds', change: (r) => (r.spec!.minReadySeconds = -2), errors: ['FieldValueInvalid spec.minReadySeconds'] },
    {
      name: 'expression not matching',
      change: (r) => (r.spec!.selector!.matchExpressions![0]!.operator = 'NotIn'),
      errors: ['FieldValueInvalid spec.template.metadata.labels'],
    },
    {
      name: 'bad operator',
      change: (r) => (r.spec!.selector!.matchExpressions![0]!.operator = 'Near'),
      errors: ['FieldValueInvalid spec.selector.matchExpressions[0].operator', 'FieldValueInvalid spec.selector'],
    },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    const r = defaulted();
    change(r);
    expect(errorKeys(strategy.validate!(r))).toEqual(errors);
  });

  it('bounds status counters by replicas', () => {
    const r = defaulted();
    r.status = { replicas: 1, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 };
    expect(errorKeys(strategy.validateStatusUpdate!(r, defaulted()))).toEqual(['FieldValueInvalid status.fullyLabeledReplicas']);
  });
});
