import { describe, expect, it } from 'vitest';
import { poolStrings } from './string-pool';

describe('poolStrings', () => {
  it('leaves every value equal, at any depth, across many generations of the pool', () => {
    const make = (i: number) => ({
      name: `object-number-${i}`,
      spec: { schedulerName: 'default-scheduler', list: ['node.kubernetes.io/not-ready', `unique-value-${i}`, 3, null, { at: '2026-11-22T00:00:00Z' }] },
      short: 'x',
      long: 'y'.repeat(100),
    });
    for (let i = 0; i < 10_000; i++) {
      const o = make(i);
      poolStrings(o);
      expect(o).toEqual(make(i));
    }
  });
});
