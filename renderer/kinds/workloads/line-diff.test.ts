import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it.each([
    ['equal texts', 'a\nb', 'a\nb', [' a', ' b']],
    ['a changed line', 'a\nimage: 1\nc', 'a\nimage: 2\nc', [' a', '-image: 1', '+image: 2', ' c']],
    ['an added line', 'a\nc', 'a\nb\nc', [' a', '+b', ' c']],
    ['a removed line', 'a\nb\nc', 'a\nc', [' a', '-b', ' c']],
  ])('%s', (_name, before, after, expected) => {
    expect(lineDiff(before, after).map((l) => l.op + l.text)).toEqual(expected);
  });
});
