import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { endpointsText } from './network';

const slice = (addresses: string[], ready: (boolean | undefined)[], port?: { name: string; port: number }): EndpointSlice => ({
  addressType: 'IPv4',
  endpoints: addresses.map((a, i) => ({ addresses: [a], conditions: { ready: ready[i] } })),
  ports: port ? [port] : [],
});

describe('endpointsText (formatEndpointSlices)', () => {
  it('lists ready addresses with the named port, three at most, then how many more', () => {
    const s = slice(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'], [true, undefined, false, true, true], { name: '', port: 80 });
    expect(endpointsText([s], '')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.4:80 + 1 more...');
  });

  it('says <none> without slices and shows bare addresses of port-less slices', () => {
    expect(endpointsText([], '')).toBe('<none>');
    expect(endpointsText([slice(['10.0.0.9'], [true])], 'http')).toBe('10.0.0.9');
  });
});
