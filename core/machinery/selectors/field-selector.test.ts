import { describe, expect, it } from 'vitest';
import {
  FieldSelectorError,
  escapeFieldValue,
  fieldExactMatch,
  fieldSelectorToString,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from './field-selector';

describe('parseFieldSelector', () => {
  const cases = [
    { input: '', expected: [] },
    { input: 'metadata.name=x', expected: [{ field: 'metadata.name', operator: '=', value: 'x' }] },
    { input: 'metadata.name==x', expected: [{ field: 'metadata.name', operator: '=', value: 'x' }] },
    { input: 'status.phase!=Running', expected: [{ field: 'status.phase', operator: '!=', value: 'Running' }] },
    {
      input: 'spec.nodeName=n1,metadata.name=a',
      expected: [
        { field: 'metadata.name', operator: '=', value: 'a' },
        { field: 'spec.nodeName', operator: '=', value: 'n1' },
      ],
    },
    { input: 'a=', expected: [{ field: 'a', operator: '=', value: '' }] },
    { input: 'a=b,,', expected: [{ field: 'a', operator: '=', value: 'b' }] },
    { input: 'a=x\\,y\\=z\\\\', expected: [{ field: 'a', operator: '=', value: 'x,y=z\\' }] },
  ];
  it.each(cases)('$input', ({ input, expected }) => {
    expect(parseFieldSelector(input).requirements).toEqual(expected);
  });

  const errors = [
    { input: 'a', message: "invalid selector: 'a'; can't understand 'a'" },
    { input: 'a=b,c', message: "invalid selector: 'a=b,c'; can't understand 'c'" },
    { input: 'a<b', message: "invalid selector: 'a<b'; can't understand 'a<b'" },
    { input: 'a=b=c', message: 'invalid field selector: unescaped character in value: 61' },
    { input: 'a=b\\x', message: 'invalid field selector: invalid escape sequence: \\x' },
    { input: 'a=b\\', message: 'invalid field selector: invalid escape sequence: \\' },
  ];
  it.each(errors)('rejects $input', ({ input, message }) => {
    expect(() => parseFieldSelector(input)).toThrow(FieldSelectorError);
    expect(() => parseFieldSelector(input)).toThrow(message);
  });
});

describe('matchesFields', () => {
  const fields: Record<string, string> = { 'metadata.name': 'web', 'spec.nodeName': 'n1' };
  const get = (f: string) => fields[f];
  const cases = [
    { selector: '', matches: true },
    { selector: 'metadata.name=web', matches: true },
    { selector: 'metadata.name=db', matches: false },
    { selector: 'metadata.name!=db', matches: true },
    { selector: 'metadata.name=web,spec.nodeName=n2', matches: false },
    { selector: 'status.podIP=', matches: true },
    { selector: 'status.podIP!=', matches: false },
  ];
  it.each(cases)('$selector -> $matches', ({ selector, matches }) => {
    expect(matchesFields(parseFieldSelector(selector), get)).toBe(matches);
  });
});

describe('escaping and exact matches', () => {
  it('round-trips values through escape and unescape', () => {
    for (const v of ['plain', 'a,b', 'x=y', 'back\\slash', '']) {
      expect(unescapeFieldValue(escapeFieldValue(v))).toBe(v);
    }
  });
  it('prints and finds exact matches', () => {
    const s = parseFieldSelector('metadata.name=a\\,b,status.phase!=Failed');
    expect(fieldSelectorToString(s)).toBe('metadata.name=a\\,b,status.phase!=Failed');
    expect(fieldExactMatch(s, 'metadata.name')).toBe('a,b');
    expect(fieldExactMatch(s, 'status.phase')).toBeUndefined();
  });
});
