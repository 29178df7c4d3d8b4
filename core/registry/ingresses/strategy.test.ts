import type { Ingress, IngressSpec } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const backend = { service: { name: 'web', port: { number: 80 } } };

function ingress(change: (s: IngressSpec) => void = () => undefined): Kube<Ingress> {
  const spec: IngressSpec = {
    ingressClassName: 'nginx',
    rules: [{ host: 'app.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: structuredClone(backend) }] } }],
    tls: [{ hosts: ['app.example.com'], secretName: 'app-tls' }],
  };
  change(spec);
  return { metadata: { name: 'app', namespace: 'default' }, spec };
}

const path0 = 'spec.rules[0].http.paths[0]';

describe('ingress', () => {
  const cases: { name: string; change: (s: IngressSpec) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'default backend only', change: (s) => ((s.rules = []), (s.defaultBackend = backend)), errors: [] },
    { name: 'neither rules nor default backend', change: (s) => (s.rules = []), errors: ['FieldValueInvalid spec'] },
    { name: 'no pathType', change: (s) => delete (s.rules![0]!.http!.paths[0] as { pathType?: string }).pathType, errors: [`FieldValueRequired ${path0}.pathType`] },
    { name: 'unknown pathType', change: (s) => (s.rules![0]!.http!.paths[0]!.pathType = 'Regex'), errors: [`FieldValueNotSupported ${path0}.pathType`] },
    { name: 'relative Prefix path', change: (s) => (s.rules![0]!.http!.paths[0]!.path = 'api'), errors: [`FieldValueInvalid ${path0}.path`] },
    { name: 'Prefix path with //', change: (s) => (s.rules![0]!.http!.paths[0]!.path = '/a//b'), errors: [`FieldValueInvalid ${path0}.path`] },
    { name: 'empty ImplementationSpecific path', change: (s) => ((s.rules![0]!.http!.paths[0]!.pathType = 'ImplementationSpecific'), delete s.rules![0]!.http!.paths[0]!.path), errors: [] },
    {
      name: 'service port name and number',
      change: (s) => (s.rules![0]!.http!.paths[0]!.backend.service!.port = { name: 'http', number: 80 }),
      errors: [`FieldValueInvalid ${path0}.backend`],
    },
    { name: 'no service port', change: (s) => (s.rules![0]!.http!.paths[0]!.backend.service!.port = {}), errors: [`FieldValueRequired ${path0}.backend`] },
    {
      name: 'bad service name',
      change: (s) => (s.rules![0]!.http!.paths[0]!.backend.service!.name = '1web'),
      errors: [`FieldValueInvalid ${path0}.backend.service.name`],
    },
    { name: 'no backend', change: (s) => (s.rules![0]!.http!.paths[0]!.backend = {}), errors: [`FieldValueInvalid ${path0}.backend`] },
    { name: 'IP host', change: (s) => (s.rules![0]!.host = '10.0.0.1'), errors: ['FieldValueInvalid spec.rules[0].host'] },
    { name: 'wildcard host', change: (s) => (s.rules![0]!.host = '*.example.com'), errors: [] },
    { name: 'bad wildcard host', change: (s) => (s.rules![0]!.host = 'a.*.com'), errors: ['FieldValueInvalid spec.rules[0].host'] },
    { name: 'no paths', change: (s) => (s.rules![0]!.http!.paths = []), errors: ['FieldValueRequired spec.rules[0].http.paths'] },
    { name: 'bad TLS host', change: (s) => (s.tls![0]!.hosts = ['ok.example.com', 'Bad_Host']), errors: ['FieldValueInvalid spec.tls[1].hosts'] },
    { name: 'bad TLS secret', change: (s) => (s.tls![0]!.secretName = 'Bad'), errors: ['FieldValueInvalid spec.tls.secretName'] },
    { name: 'bad class name', change: (s) => (s.ingressClassName = 'Nginx'), errors: ['FieldValueInvalid spec.ingressClassName'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    expect(errorKeys(strategy.validate!(ingress(change)))).toEqual(errors);
  });

  it('starts with an empty load balancer status', () => {
    const i = ingress();
    strategy.prepareForCreate!(i);
    expect(i.status).toEqual({ loadBalancer: {} });
  });
});
