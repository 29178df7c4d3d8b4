import type { IngressClass, IngressClassSpec } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const ic = (spec: IngressClassSpec): Kube<IngressClass> => ({ metadata: { name: 'nginx' }, spec });

describe('ingressclass', () => {
  it('defaults the parameters scope to Cluster', () => {
    const c = ic({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Config', name: 'c' } });
    strategy.defaults!(c);
    expect(c.spec!.parameters!.scope).toBe('Cluster');
  });

  it.each([
    { name: 'valid', spec: { controller: 'k8s.io/ingress-nginx' }, errors: [] },
    { name: 'no controller', spec: {}, errors: ['FieldValueRequired spec.controller'] },
    { name: 'controller without path', spec: { controller: 'nginx' }, errors: ['FieldValueInvalid spec.controller'] },
    {
      name: 'namespace-scoped parameters without namespace',
      spec: { controller: 'k8s.io/x', parameters: { kind: 'C', name: 'c', scope: 'Namespace' } },
      errors: ['FieldValueRequired spec.parameters.namespace'],
    },
    {
      name: 'cluster-scoped parameters with namespace',
      spec: { controller: 'k8s.io/x', parameters: { kind: 'C', name: 'c', scope: 'Cluster', namespace: 'ns' } },
      errors: ['FieldValueForbidden spec.parameters.namespace'],
    },
  ])('validates: $name', ({ spec, errors }: { spec: IngressClassSpec; errors: string[] }) => {
    expect(errorKeys(strategy.validate!(ic(spec)))).toEqual(errors);
  });

  it('keeps the controller fixed', () => {
    const old = ic({ controller: 'k8s.io/a' });
    expect(errorKeys(strategy.validateUpdate!(ic({ controller: 'k8s.io/b' }), old))).toEqual(['FieldValueInvalid spec.controller']);
  });
});
