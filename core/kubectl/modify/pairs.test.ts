import { describe, expect, it } from 'vitest';
import { parseLabels, parsePairs, splitResourcesAndPairs } from './pairs';

describe('KEY=VALUE arguments', () => {
  it('splits resources from pairs and refuses a resource after a pair', () => {
    expect(splitResourcesAndPairs(['cm', 'settings', 'a=b', 'c-'], 'label')).toEqual({ resources: ['cm', 'settings'], pairs: ['a=b', 'c-'] });
    // "=b" and "-" are not pairs: they are resources.
    expect(splitResourcesAndPairs(['cm', '=b', '-'], 'label')).toEqual({ resources: ['cm', '=b', '-'], pairs: [] });
    expect(() => splitResourcesAndPairs(['cm', 'a=b', 'c'], 'label')).toThrow('all resources must be specified before label changes: c');
  });

  it('reads annotations with "=" in the value and names the invalid ones together', () => {
    const { set, remove } = parsePairs(['a==b', 'url=http://x/?q=1', 'gone-'], 'annotation', true);
    expect([...set]).toEqual([
      ['a', '=b'],
      ['url', 'http://x/?q=1'],
    ]);
    expect(remove).toEqual(['gone']);
    expect(() => parsePairs(['x', 'y-'], 'image', false)).toThrow('invalid image format: x, y-');
  });

  it('reads labels as kubectl does: one "=", a valid value, no key both set and removed', () => {
    expect(() => parseLabels(['a=b=c'])).toThrow('invalid label spec: a=b=c');
    expect(() => parseLabels(['a=-x'])).toThrow(/^invalid label value: "a=-x": a valid label must be an empty string/);
    expect(() => parseLabels(['a=1', 'a-'])).toThrow('can not both modify and remove a label in the same command');
    expect(() => parseLabels(['plain'])).toThrow('unknown label spec: plain');
    expect([...parseLabels(['a=', 'b-']).set]).toEqual([['a', '']]);
  });
});
