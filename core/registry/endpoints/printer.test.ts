import { describe, expect, it } from 'vitest';
import type { Endpoints } from 'kubernetes-types/core/v1';
import { formatEndpoints } from './printer';

describe('formatEndpoints', () => {
  const addr = (...ips: string[]) => ips.map((ip) => ({ ip }));
  const cases: { name: string; ep: Endpoints; expected: string }[] = [
    { name: 'no subsets', ep: {}, expected: '<none>' },
    { name: 'one port', ep: { subsets: [{ addresses: addr('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }] }] }, expected: '10.0.0.1:80,10.0.0.2:80' },
    { name: 'headless without ports', ep: { subsets: [{ addresses: addr('10.0.0.1') }] }, expected: '10.0.0.1' },
    { name: 'IPv6', ep: { subsets: [{ addresses: addr('fd00::1'), ports: [{ port: 443 }] }] }, expected: '[fd00::1]:443' },
    {
      name: 'more than three',
      ep: { subsets: [{ addresses: addr('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }, { port: 443 }] }] },
      expected: '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
    },
    { name: 'subset without addresses', ep: { subsets: [{ notReadyAddresses: addr('10.0.0.9'), ports: [{ port: 80 }] }] }, expected: '' },
  ];
  it.each(cases)('$name', ({ ep, expected }) => expect(formatEndpoints(ep)).toBe(expected));
});
