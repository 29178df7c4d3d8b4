import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { formatSliceEndpoints, formatSlicePorts } from './printer';

describe('endpoint slice cells', () => {
  const cases: { name: string; slice: EndpointSlice; ports: string; endpoints: string }[] = [
    { name: 'empty', slice: { addressType: 'IPv4', endpoints: [] }, ports: '<unset>', endpoints: '<unset>' },
    {
      name: 'ports by number, name or all',
      slice: { addressType: 'IPv4', ports: [{ port: 80 }, { name: 'http' }, {}], endpoints: [{ addresses: ['10.0.0.1'] }] },
      ports: '80,http,*',
      endpoints: '10.0.0.1',
    },
    {
      name: 'many addresses',
      slice: { addressType: 'IPv4', endpoints: [{ addresses: ['a', 'b'] }, { addresses: ['c', 'd', 'e'] }] },
      ports: '<unset>',
      endpoints: 'a,b,c + 2 more...',
    },
  ];
  it.each(cases)('$name', ({ slice, ports, endpoints }) => {
    expect(formatSlicePorts(slice)).toBe(ports);
    expect(formatSliceEndpoints(slice)).toBe(endpoints);
  });
});
