import { describe, expect, it } from 'vitest';
import type { EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type EndpointsObject = Kube<Endpoints>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function endpoints(...subsets: EndpointSubset[]): EndpointsObject {
  const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets } as EndpointsObject;
  strategy.defaults!(ep);
  return ep;
}

describe('endpoints strategy', () => {
  it('defaults port protocols', () => {
    expect(endpoints({ addresses: [{ ip: '127.0.0.2' }], ports: [{ port: 80 }] }).subsets?.[0].ports?.[0].protocol).toBe('TCP');
  });

  it.each<[string, EndpointSubset[], string[]]>([
    ['loopback pod addresses are accepted', [{ addresses: [{ ip: '127.0.0.2' }], ports: [{ port: 80 }] }], []],
    ['addresses required', [{ ports: [{ port: 80 }] }], ['FieldValueRequired subsets[0]']],
    ['bad ip', [{ addresses: [{ ip: '1.2.3' }], ports: [{ port: 80 }] }], ['FieldValueInvalid subsets[0].addresses[0].ip']],
    ['port names required when several', [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }, { port: 81, name: 'b' }] }], ['FieldValueRequired subsets[0].ports[0].name']],
    ['port range', [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 0 }] }], ['FieldValueInvalid subsets[0].ports[0].port']],
  ])('%s', (_n, subsets, expected) => {
    expect(brief(strategy.validate!(endpoints(...subsets)))).toEqual(expected);
  });
});
