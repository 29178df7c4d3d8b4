import { describe, expect, it } from 'vitest';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  accessModesString,
  boolPtr,
  containerCells,
  formatLabelSelector,
  formatLabels,
  listWithMore,
  quantity,
  selectorOrInvalid,
} from './format';

describe('formatLabels', () => {
  const cases: { labels: Record<string, string> | undefined; expected: string }[] = [
    { labels: undefined, expected: '<none>' },
    { labels: {}, expected: '<none>' },
    { labels: { b: '2', a: '1' }, expected: 'a=1,b=2' },
  ];
  it.each(cases)('$expected', ({ labels, expected }) => expect(formatLabels(labels)).toBe(expected));
});

describe('label selector cells', () => {
  const cases: { name: string; ls: LabelSelector | undefined; formatted: string; plain: string }[] = [
    { name: 'absent', ls: undefined, formatted: '<none>', plain: '' },
    { name: 'empty', ls: {}, formatted: '<none>', plain: '' },
    { name: 'labels', ls: { matchLabels: { app: 'web' } }, formatted: 'app=web', plain: 'app=web' },
    {
      name: 'expressions',
      ls: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] },
      formatted: 'tier in (a,b)',
      plain: 'tier in (a,b)',
    },
    { name: 'invalid', ls: { matchExpressions: [{ key: 'a', operator: 'Bad' }] }, formatted: '<error>', plain: '<invalid>' },
  ];
  it.each(cases)('$name', ({ ls, formatted, plain }) => {
    expect(formatLabelSelector(ls)).toBe(formatted);
    expect(selectorOrInvalid(ls)).toBe(plain);
  });
});

describe('small formatters', () => {
  it('lays out containers and images', () => {
    expect(containerCells([{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox:1.36' }])).toEqual(['a,b', 'nginx,busybox:1.36']);
    expect(containerCells(undefined)).toEqual(['', '']);
  });
  it.each([
    [['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadOnlyMany', 'ReadWriteOncePod'], 'ROX,RWOP'],
    [[], ''],
  ])('access modes %j -> %s', (modes, expected) => expect(accessModesString(modes)).toBe(expected));
  it.each([
    [['a', 'b'], 2, 'a,b'],
    [['a', 'b', 'c', 'd', 'e'], 5, 'a,b,c + 2 more...'],
    [[], 0, '<unset>'],
  ] as [string[], number, string][])('list %j', (list, count, expected) => expect(listWithMore(list, count, 3)).toBe(expected));
  it('prints Go zero values', () => {
    expect(quantity(undefined)).toBe('0');
    expect(quantity('10Gi')).toBe('10Gi');
    expect(boolPtr(undefined)).toBe('<unset>');
    expect(boolPtr(true)).toBe('True');
    expect(boolPtr(false)).toBe('False');
  });
});
