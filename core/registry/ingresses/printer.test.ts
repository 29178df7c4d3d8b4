import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Kube } from '../../machinery/object';
import { formatHosts, printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');

describe('ingress printer', () => {
  const cases: { name: string; ing: Kube<Ingress>; expected: unknown[] }[] = [
    {
      name: 'no class, no rules, no address',
      ing: { metadata: { name: 'i', creationTimestamp: '2024-05-01T11:59:00Z' }, spec: { defaultBackend: { service: { name: 's' } } } },
      expected: ['i', '<none>', '*', '', '80', '60s'],
    },
    {
      name: 'class, TLS and a long address kept whole',
      ing: {
        metadata: { name: 'i', creationTimestamp: '2024-05-01T11:59:00Z' },
        spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com' }], tls: [{ hosts: ['a.example.com'] }] },
        status: { loadBalancer: { ingress: [{ ip: '127.0.0.10' }, { hostname: 'a-very-long-load-balancer.example.com' }] } },
      },
      expected: ['i', 'nginx', 'a.example.com', '127.0.0.10,a-very-long-load-balancer.example.com', '80, 443', '60s'],
    },
  ];
  it.each(cases)('$name', ({ ing, expected }) => expect(printer.cells(ing, now)).toEqual(expected));

  const hosts: { rules: { host?: string }[]; expected: string }[] = [
    { rules: [], expected: '*' },
    { rules: [{}, {}], expected: '*' },
    { rules: [{ host: 'a' }, {}, { host: 'b' }], expected: 'a,b' },
    { rules: [{ host: 'a' }, { host: 'b' }, { host: 'c' }], expected: 'a,b,c' },
    { rules: [{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, { host: 'e' }], expected: 'a,b,c + 2 more...' },
    { rules: [{}, { host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }], expected: 'a,b,c + 2 more...' },
  ];
  it.each(hosts)('hosts $expected', ({ rules, expected }) => expect(formatHosts(rules)).toBe(expected));
});
