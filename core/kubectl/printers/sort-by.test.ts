import { describe, expect, it } from 'vitest';
import { quantityValue, sortByField } from './sort-by';

describe('--sort-by', () => {
  it('reads resource quantities', () => {
    expect([quantityValue('500Mi'), quantityValue('1Gi'), quantityValue('2k'), quantityValue('100m'), quantityValue('1e3'), quantityValue('web')]).toEqual([
      500 * 2 ** 20, 2 ** 30, 2000, 0.1, 1000, undefined,
    ]);
  });

  it('sorts numbers numerically, quantities by value, strings lexically, objects without the field first', () => {
    const objs = [{ n: 10 }, { n: 2 }, {}, { n: 0 }];
    expect(sortByField(objs, (o) => o, '.n')).toEqual([{}, { n: 0 }, { n: 2 }, { n: 10 }]);
    const qs = ['1Gi', 'abc', '500Mi', '2k'].map((q) => ({ q }));
    expect(sortByField(qs, (o) => o, '{.q}').map((o) => o.q)).toEqual(['2k', '500Mi', '1Gi', 'abc']);
  });

  it('fails when no object has the field', () => {
    expect(() => sortByField([{ a: 1 }], (o) => o, '.b')).toThrow('couldn\'t find any field with path "{.b}" in the list of objects');
  });
});
