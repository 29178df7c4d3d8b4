import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { usageCell, usageReading } from './node-usage-cell';

const GI = 2 ** 30;
const node = (cpu?: string, memory?: string): Node => ({ status: { allocatable: { ...(cpu && { cpu }), ...(memory && { memory }) } } });

describe('usageReading', () => {
  it.each([
    { resource: 'cpu', used: 1.234, total: 4, text: '1.2 / 4 cores' },
    { resource: 'cpu', used: 0.0512, total: 1, text: '0.051 / 1 core' },
    { resource: 'cpu', used: 12.6, total: 64, text: '13 / 64 cores' },
    { resource: 'memory', used: 3.14 * GI, total: 7.8 * GI, text: '3.1 / 7.8 GiB' },
    { resource: 'memory', used: 300 * 2 ** 20, total: 16 * GI, text: '0.29 / 16 GiB' },
    { resource: 'memory', used: 200 * 2 ** 20, total: 512 * 2 ** 20, text: '200 / 512 MiB' },
  ] as const)('$resource $used of $total reads "$text"', ({ resource, used, total, text }) => expect(usageReading(resource, used, total)).toBe(text));
});

describe('usageCell', () => {
  const usage = { cpu: 0.5, memory: 3 * GI };

  it('is the sample against allocatable, as kubectl top node divides', () => {
    expect(usageCell('cpu', usage, node('2', '12Gi'))).toEqual({ percent: 25, reading: '0.5 / 2 cores' });
    expect(usageCell('memory', usage, node('2', '12Gi'))).toEqual({ percent: 25, reading: '3 / 12 GiB' });
  });

  it('goes over 100 when use passes allocatable (the system reserve is left out of it)', () => {
    expect(usageCell('cpu', { cpu: 2.5, memory: 0 }, node('2000m'))?.percent).toBe(125);
  });

  it('is empty without a sample for the node, or without allocatable to divide by', () => {
    expect(usageCell('cpu', undefined, node('2', '12Gi'))).toBeNull();
    expect(usageCell('memory', usage, node('2'))).toBeNull();
    expect(usageCell('cpu', usage, node('0'))).toBeNull();
    expect(usageCell('cpu', usage, undefined)).toBeNull();
  });
});
