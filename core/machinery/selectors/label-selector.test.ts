import { describe, expect, it } from 'vitest';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  LabelSelectorError,
  labelSelectorMatches,
  labelSelectorToString,
  matchesLabels,
  parseLabelSelector,
  selectorFromLabelSelector,
  selectorFromSet,
} from './label-selector';

describe('parseLabelSelector', () => {
  const cases: { input: string; expected: string }[] = [
    { input: '', expected: '' },
    { input: '   ', expected: '' },
    { input: 'app=web', expected: 'app=web' },
    { input: 'app==web', expected: 'app==web' },
    { input: 'app!=web', expected: 'app!=web' },
    { input: 'tier=web,app=x', expected: 'app=x,tier=web' },
    { input: 'env in (prod, qa)', expected: 'env in (prod,qa)' },
    { input: 'env notin (qa,prod,qa)', expected: 'env notin (prod,qa)' },
    { input: 'env in ()', expected: 'env in ()' },
    { input: 'env in (a,,b)', expected: 'env in (,a,b)' },
    { input: 'app', expected: 'app' },
    { input: '!app', expected: '!app' },
    { input: 'app=', expected: 'app=' },
    { input: 'x in (in,notin)', expected: 'x in (in,notin)' },
    { input: 'in=notin', expected: 'in=notin' },
    { input: 'replicas>2', expected: 'replicas>2' },
    { input: 'replicas < 2', expected: 'replicas<2' },
    { input: 'example.com/role=db', expected: 'example.com/role=db' },
    { input: ' a = b , c ', expected: 'a=b,c' },
    // Object.prototype's names are label keys like any other.
    { input: 'constructor=x', expected: 'constructor=x' },
    { input: 'toString,!valueOf', expected: 'toString,!valueOf' },
  ];
  it.each(cases)('$input -> $expected', ({ input, expected }) => {
    expect(labelSelectorToString(parseLabelSelector(input))).toBe(expected);
  });

  const errors: { input: string; message: string }[] = [
    { input: 'a=b,', message: "found '', expected: identifier after ','" },
    { input: ',a', message: "found ',', expected: !, identifier, or 'end of string'" },
    { input: 'a b', message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" },
    { input: 'a in b', message: "unable to parse requirement: found 'b' expected: '('" },
    { input: 'a in (b', message: "unable to parse requirement: found '', expected: ',' or ')'" },
    { input: 'a=b c', message: "found 'c', expected: ',' or 'end of string'" },
    { input: '!a=b', message: "found '=', expected: ',' or 'end of string'" },
    { input: 'a=(', message: "unable to parse requirement: found '(', expected: identifier" },
    { input: 'a>x', message: "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer" },
    {
      input: '-a=b',
      message:
        'unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')',
    },
    {
      input: 'a=-b',
      message:
        'unable to parse requirement: values[0][a]: Invalid value: "-b": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
    },
    {
      input: 'Bad_Prefix/a',
      message:
        'unable to parse requirement: <nil>: Invalid value: "Bad_Prefix/a": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    },
    {
      input: `a=${'x'.repeat(64)}`,
      message: `unable to parse requirement: values[0][a]: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`,
    },
  ];
  it.each(errors)('rejects $input', ({ input, message }) => {
    let caught: unknown;
    try {
      parseLabelSelector(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LabelSelectorError);
    expect((caught as Error).message).toBe(message);
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', replicas: '3' };
  const cases: { selector: string; matches: boolean }[] = [
    { selector: '', matches: true },
    { selector: 'app=web', matches: true },
    { selector: 'app==web', matches: true },
    { selector: 'app=db', matches: false },
    { selector: 'app!=db', matches: true },
    { selector: 'missing!=x', matches: true },
    { selector: 'app in (db,web)', matches: true },
    { selector: 'app in (db)', matches: false },
    { selector: 'missing in (a)', matches: false },
    { selector: 'app notin (db)', matches: true },
    { selector: 'missing notin (db)', matches: true },
    { selector: 'app notin (web)', matches: false },
    { selector: 'tier', matches: true },
    { selector: 'missing', matches: false },
    { selector: '!missing', matches: true },
    { selector: '!tier', matches: false },
    { selector: 'replicas>2', matches: true },
    { selector: 'replicas>3', matches: false },
    { selector: 'replicas<4', matches: true },
    { selector: 'app>1', matches: false },
    { selector: 'app=web,tier=back', matches: false },
    { selector: 'missing=', matches: false },
  ];
  it.each(cases)('$selector -> $matches', ({ selector, matches }) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(matches);
  });

  it('an empty label value matches "key="', () => {
    expect(matchesLabels(parseLabelSelector('a='), { a: '' })).toBe(true);
  });
});

describe('selectorFromLabelSelector', () => {
  const cases: { name: string; ls: LabelSelector | null | undefined; labels: Record<string, string>; matches: boolean; text: string }[] = [
    { name: 'null selects nothing', ls: null, labels: { a: 'b' }, matches: false, text: '' },
    { name: 'undefined selects nothing', ls: undefined, labels: {}, matches: false, text: '' },
    { name: 'empty selects everything', ls: {}, labels: { a: 'b' }, matches: true, text: '' },
    { name: 'matchLabels', ls: { matchLabels: { b: '2', a: '1' } }, labels: { a: '1', b: '2' }, matches: true, text: 'a=1,b=2' },
    {
      name: 'expressions',
      ls: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['qa', 'prod'] },
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'app', operator: 'Exists' },
        ],
      },
      labels: { app: 'web', env: 'prod' },
      matches: true,
      text: 'app=web,app,!canary,env in (prod,qa),tier notin (db)',
    },
  ];
  it.each(cases)('$name', ({ ls, labels, matches, text }) => {
    const selector = selectorFromLabelSelector(ls);
    expect(matchesLabels(selector, labels)).toBe(matches);
    expect(labelSelectorMatches(ls, labels)).toBe(matches);
    expect(labelSelectorToString(selector)).toBe(text);
  });

  const errors: { name: string; ls: LabelSelector; message: string }[] = [
    { name: 'unknown operator', ls: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, message: '"Gt" is not a valid label selector operator' },
    { name: 'an Object.prototype name as operator', ls: { matchExpressions: [{ key: 'a', operator: 'constructor', values: ['1'] }] }, message: '"constructor" is not a valid label selector operator' },
    {
      name: 'In without values',
      ls: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      message: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    },
    {
      name: 'Exists with values',
      ls: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      message: 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    },
    {
      name: 'bad key',
      ls: { matchLabels: { 'a/b/c': 'x' } },
      message:
        'key: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\') with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')',
    },
  ];
  it.each(errors)('rejects $name', ({ ls, message }) => {
    expect(() => selectorFromLabelSelector(ls)).toThrow(LabelSelectorError);
    expect(() => selectorFromLabelSelector(ls)).toThrow(message);
  });
});

describe('selectorFromSet', () => {
  it('requires every label, sorted by key', () => {
    const s = selectorFromSet({ z: '1', a: '2' });
    expect(labelSelectorToString(s)).toBe('a=2,z=1');
    expect(matchesLabels(s, { a: '2', z: '1', extra: 'x' })).toBe(true);
    expect(matchesLabels(s, { a: '2' })).toBe(false);
    expect(matchesLabels(selectorFromSet({}), {})).toBe(true);
  });
});
