import type { NetworkPolicy, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const np = (spec: NetworkPolicySpec): Kube<NetworkPolicy> => ({ metadata: { name: 'np', namespace: 'default' }, spec });

describe('networkpolicy defaults', () => {
  it.each([
    { name: 'ingress only', spec: { podSelector: {} }, types: ['Ingress'] },
    { name: 'with egress rules', spec: { podSelector: {}, egress: [{}] }, types: ['Ingress', 'Egress'] },
    { name: 'explicit', spec: { podSelector: {}, policyTypes: ['Egress'] }, types: ['Egress'] },
  ])('policyTypes: $name', ({ spec, types }) => {
    const p = np(spec);
    strategy.defaults!(p);
    expect(p.spec!.policyTypes).toEqual(types);
  });

  it('gives ports TCP', () => {
    const p = np({ podSelector: {}, ingress: [{ ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }] });
    strategy.defaults!(p);
    expect(p.spec!.ingress![0]!.ports!.map((x) => x.protocol)).toEqual(['TCP', 'UDP']);
  });
});

describe('networkpolicy validation', () => {
  const cases: { name: string; spec: NetworkPolicySpec; errors: string[] }[] = [
    { name: 'deny all', spec: { podSelector: {}, policyTypes: ['Ingress'] }, errors: [] },
    { name: 'empty peer', spec: { podSelector: {}, ingress: [{ from: [{}] }] }, errors: ['FieldValueRequired spec.ingress[0].from[0]'] },
    {
      name: 'ipBlock with selector',
      spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] },
      errors: ['FieldValueForbidden spec.ingress[0].from[0]'],
    },
    { name: 'bad cidr', spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0' } }] }] }, errors: ['FieldValueInvalid spec.egress[0].to[0].ipBlock.cidr'] },
    {
      name: 'except outside cidr',
      spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '192.168.0.0/16', '10.0.0.0/8'] } }] }] },
      errors: ['FieldValueInvalid spec.egress[0].to[0].ipBlock.except[1]', 'FieldValueInvalid spec.egress[0].to[0].ipBlock.except[2]'],
    },
    { name: 'port out of range', spec: { podSelector: {}, ingress: [{ ports: [{ port: 70000 }] }] }, errors: ['FieldValueInvalid spec.ingress[0].ports[0].port'] },
    { name: 'endPort below port', spec: { podSelector: {}, ingress: [{ ports: [{ port: 90, endPort: 80 }] }] }, errors: ['FieldValueInvalid spec.ingress[0].ports[0].endPort'] },
    { name: 'endPort with named port', spec: { podSelector: {}, ingress: [{ ports: [{ port: 'http', endPort: 80 }] }] }, errors: ['FieldValueInvalid spec.ingress[0].ports[0].endPort'] },
    { name: 'bad protocol', spec: { podSelector: {}, ingress: [{ ports: [{ protocol: 'ICMP' }] }] }, errors: ['FieldValueNotSupported spec.ingress[0].ports[0].protocol'] },
    { name: 'bad policy type', spec: { podSelector: {}, policyTypes: ['Sideways'] }, errors: ['FieldValueNotSupported spec.policyTypes[0]'] },
    { name: 'three policy types', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress', 'Ingress'] }, errors: ['FieldValueInvalid spec.policyTypes'] },
  ];
  it.each(cases)('$name', ({ spec, errors }) => {
    expect(errorKeys(strategy.validate!(np(spec)))).toEqual(errors);
  });
});
