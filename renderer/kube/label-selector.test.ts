import { describe, expect, it } from 'vitest';
import { labelSelectorString } from './label-selector';

describe('labelSelectorString', () => {
  it.each([
    { name: 'labels', selector: { matchLabels: { app: 'web', tier: 'fe' } }, expected: 'app=web,tier=fe' },
    {
      name: 'expressions',
      selector: {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'x', operator: 'NotIn', values: ['a'] },
          { key: 'y', operator: 'Exists' },
          { key: 'z', operator: 'DoesNotExist' },
        ],
      },
      expected: 'env in (dev,prod),x notin (a),y,!z',
    },
    { name: 'nothing', selector: undefined, expected: '' },
  ])('$name', ({ selector, expected }) => expect(labelSelectorString(selector)).toBe(expected));

  it('refuses an unknown operator', () => {
    expect(() => labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Near' }] })).toThrow('"Near" is not a valid');
  });
});
