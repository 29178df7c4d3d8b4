import { describe, expect, it } from 'vitest';
import type { Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { resource } from './index';
import { validateObjectMeta } from '../validation/object-meta';
import { strategy } from './strategy';

type ServiceObject = Kube<Service>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function svc(spec: ServiceSpec, name = 'web'): ServiceObject {
  const s: ServiceObject = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
  strategy.prepareForCreate!(s);
  strategy.defaults!(s);
  return s;
}

describe('service defaults', () => {
  it('defaults a ClusterIP service like Kubernetes', () => {
    const s = svc({ selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(s.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it.each<[string, ServiceSpec, Partial<ServiceSpec>]>([
    ['NodePort', { type: 'NodePort', ports: [{ port: 80 }] }, { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' }],
    [
      'LoadBalancer',
      { type: 'LoadBalancer', ports: [{ port: 80 }] },
      { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true },
    ],
    ['ExternalName', { type: 'ExternalName', externalName: 'example.com' }, { sessionAffinity: 'None' }],
    [
      'ClientIP affinity',
      { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },
      { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
    ],
    ['named targetPort kept', { ports: [{ port: 80, targetPort: 'http' }] }, { ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] }],
    ['clusterIP mirrored', { clusterIP: 'None', ports: [{ port: 80 }] }, { clusterIPs: ['None'] }],
  ])('%s', (_n, spec, expected) => {
    expect(svc(spec).spec).toMatchObject(expected);
  });

  it('does not give ExternalName services traffic policies', () => {
    expect(svc({ type: 'ExternalName', externalName: 'example.com' }).spec?.internalTrafficPolicy).toBeUndefined();
  });
});

describe('service validation', () => {
  it.each<[string, ServiceSpec, string[]]>([
    ['valid', { selector: { app: 'web' }, ports: [{ port: 80 }] }, []],
    ['headless without ports', { clusterIP: 'None' }, []],
    ['ports required', { selector: { app: 'web' } }, ['FieldValueRequired spec.ports']],
    // targetPort defaults to the (bad) port, so Kubernetes reports both.
    ['port range', { ports: [{ port: 0 }] }, ['FieldValueInvalid spec.ports[0].port', 'FieldValueInvalid spec.ports[0].targetPort']],
    ['names required with two ports', { ports: [{ port: 80 }, { port: 443, name: 'https' }] }, ['FieldValueRequired spec.ports[0].name']],
    ['duplicate names', { ports: [{ port: 80, name: 'a' }, { port: 81, name: 'a' }] }, ['FieldValueDuplicate spec.ports[1].name']],
    ['duplicate ports', { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }, ['FieldValueDuplicate spec.ports[1]']],
    ['protocol', { ports: [{ port: 80, protocol: 'HTTP' }] }, ['FieldValueNotSupported spec.ports[0].protocol']],
    ['targetPort range', { ports: [{ port: 80, targetPort: 70000 }] }, ['FieldValueInvalid spec.ports[0].targetPort']],
    ['type', { type: 'Ingress', ports: [{ port: 80 }] }, ['FieldValueNotSupported spec.type']],
    ['clusterIP syntax', { clusterIP: '10.0.0.300', ports: [{ port: 80 }] }, ['FieldValueInvalid spec.clusterIPs[0]']],
    ['nodePort on ClusterIP', { ports: [{ port: 80, nodePort: 30001 }] }, ['FieldValueForbidden spec.ports[0].nodePort']],
    ['None on NodePort', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }, ['FieldValueInvalid spec.clusterIP']],
    ['externalName required', { type: 'ExternalName' }, ['FieldValueRequired spec.externalName']],
    ['externalName syntax', { type: 'ExternalName', externalName: 'Not A Host' }, ['FieldValueInvalid spec.externalName']],
    ['externalName trailing dot', { type: 'ExternalName', externalName: 'example.com.' }, []],
    ['kubelet port on LoadBalancer', { type: 'LoadBalancer', ports: [{ port: 10250 }] }, ['FieldValueInvalid spec.ports[0]']],
    ['sessionAffinity', { sessionAffinity: 'Cookie', ports: [{ port: 80 }] }, ['FieldValueNotSupported spec.sessionAffinity']],
    ['externalTrafficPolicy on ClusterIP', { externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }, ['FieldValueInvalid spec.externalTrafficPolicy']],
    ['selector labels', { selector: { app: 'a b' }, ports: [{ port: 80 }] }, ['FieldValueInvalid spec.selector']],
    [
      'source ranges need LoadBalancer',
      { loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 80 }] },
      ['FieldValueForbidden spec.LoadBalancerSourceRanges'],
    ],
  ])('%s', (_n, spec, expected) => {
    expect(brief(strategy.validate!(svc(spec)))).toEqual(expected);
  });

  it('applies the DNS-1035 name rule once', () => {
    const s = svc({ ports: [{ port: 80 }] }, '1web');
    const errs = [...validateObjectMeta(s.metadata, { namespaced: true, validateName: resource.validateName }), ...strategy.validate!(s)];
    expect(brief(errs)).toEqual(['FieldValueInvalid metadata.name']);
    expect(errs[0].detail).toContain('a DNS-1035 label must consist of lower case alphanumeric characters');
  });
});

describe('service updates', () => {
  const allocated = (): ServiceObject => {
    const s = svc({ type: 'NodePort', ports: [{ port: 80 }] });
    s.spec!.clusterIP = '10.96.0.10';
    s.spec!.clusterIPs = ['10.96.0.10'];
    s.spec!.ipFamilies = ['IPv4'];
    s.spec!.ports![0].nodePort = 30080;
    return s;
  };
  const update = (edit: (s: ServiceObject) => void): { next: ServiceObject; errs: string[] } => {
    const old = allocated();
    const next = structuredClone(old);
    edit(next);
    strategy.prepareForUpdate!(next, old);
    strategy.defaults!(next);
    return { next, errs: brief([...strategy.validate!(next), ...strategy.validateUpdate!(next, old)]) };
  };

  it.each<[string, (s: ServiceObject) => void, string[]]>([
    ['unchanged', () => {}, []],
    ['clusterIP changed', (s) => (s.spec!.clusterIP = '10.96.0.11'), ['FieldValueInvalid spec.clusterIPs[0]']],
    ['ipFamilies changed', (s) => (s.spec!.ipFamilies = ['IPv6']), ['FieldValueInvalid spec.ipFamilies[0]']],
    ['only clusterIP sent (old client)', (s) => delete s.spec!.clusterIPs, []],
    ['allocated values left out (kubectl replace)', (s) => (delete s.spec!.clusterIP, delete s.spec!.clusterIPs, delete s.spec!.ports![0].nodePort), []],
  ])('%s', (_n, edit, expected) => {
    expect(update(edit).errs).toEqual(expected);
  });

  it('keeps the allocated values a client left out', () => {
    const { next } = update((s) => (delete s.spec!.clusterIP, delete s.spec!.clusterIPs, delete s.spec!.ports![0].nodePort));
    expect(next.spec).toMatchObject({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, nodePort: 30080 }] });
  });

  it('drops node ports when the type changes to ClusterIP', () => {
    const { next, errs } = update((s) => (s.spec!.type = 'ClusterIP'));
    expect(errs).toEqual([]);
    expect(next.spec?.ports?.[0].nodePort).toBeUndefined();
    expect(next.spec?.externalTrafficPolicy).toBeUndefined();
  });
});
