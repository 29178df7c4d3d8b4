import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

function slice(change: (s: Kube<EndpointSlice>) => void = () => undefined): Kube<EndpointSlice> {
  const s: Kube<EndpointSlice> = {
    metadata: { name: 'web-abc', namespace: 'default' },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['127.0.0.12'], conditions: { ready: true }, nodeName: 'node-1' }],
    ports: [{ port: 80 }],
  };
  change(s);
  strategy.defaults!(s);
  return s;
}

describe('endpointslice', () => {
  it('defaults port name and protocol', () => {
    expect(slice().ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });

  const cases: { name: string; change: (s: Kube<EndpointSlice>) => void; errors: string[] }[] = [
    { name: 'loopback pod IPs are allowed here', change: () => undefined, errors: [] },
    { name: 'no address type', change: (s) => (s.addressType = ''), errors: ['FieldValueRequired addressType'] },
    { name: 'unknown address type', change: (s) => (s.addressType = 'IPv5'), errors: ['FieldValueNotSupported addressType'] },
    { name: 'IPv6 address in IPv4 slice', change: (s) => (s.endpoints[0]!.addresses = ['::1']), errors: ['FieldValueInvalid endpoints[0].addresses[0]'] },
    { name: 'link-local address', change: (s) => (s.endpoints[0]!.addresses = ['169.254.1.1']), errors: ['FieldValueInvalid endpoints[0].addresses[0]'] },
    { name: 'no addresses', change: (s) => (s.endpoints[0]!.addresses = []), errors: ['FieldValueRequired endpoints[0].addresses'] },
    { name: 'FQDN', change: (s) => ((s.addressType = 'FQDN'), (s.endpoints[0]!.addresses = ['db.example.com'])), errors: [] },
    { name: 'single-label FQDN', change: (s) => ((s.addressType = 'FQDN'), (s.endpoints[0]!.addresses = ['db'])), errors: ['FieldValueInvalid endpoints[0].addresses[0]'] },
    { name: 'duplicate port names', change: (s) => (s.ports = [{ port: 80 }, { port: 81 }]), errors: ['FieldValueDuplicate ports[1].name'] },
    { name: 'bad protocol', change: (s) => (s.ports = [{ port: 80, protocol: 'ICMP' }]), errors: ['FieldValueNotSupported ports[0].protocol'] },
    { name: 'bad hostname', change: (s) => (s.endpoints[0]!.hostname = 'Web_1'), errors: ['FieldValueInvalid endpoints[0].hostname'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    expect(errorKeys(strategy.validate!(slice(change)))).toEqual(errors);
  });

  it('keeps the address type fixed', () => {
    const next = slice((s) => ((s.addressType = 'IPv6'), (s.endpoints = [])));
    expect(errorKeys(strategy.validateUpdate!(next, slice()))).toEqual(['FieldValueInvalid addressType']);
  });
});
