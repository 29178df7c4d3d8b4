import { describe, expect, it } from 'vitest';
import { goYaml, goYamlKeyCompare } from './go-yaml';
import { formatGoFloat, resolvesToNonString } from './go-yaml-resolve';

// Expected texts are what the real kubectl 1.32 printed for the same data.
describe('goYaml (sigs.k8s.io/yaml over go-yaml v2)', () => {
  it.each([
    ['yes', '"yes"'], ['Y', '"Y"'], ['on', '"on"'], ['1.0', '"1.0"'], ['0777', '"0777"'], ['~', '"~"'], ['', '""'],
    ['0x1F', '"0x1F"'], ['1e3', '"1e3"'], ['1_000', '"1_000"'], ['.inf', '".inf"'], ['1:30', '"1:30"'],
    ['2024-01-02', '"2024-01-02"'], ['2024-01-02T03:04:05Z', '"2024-01-02T03:04:05Z"'], ['null', '"null"'],
    [' lead', "' lead'"], ['trail ', "'trail '"], ['- x', "'- x'"], ['a: b', "'a: b'"], ['a #b', "'a #b'"], ['*x', "'*x'"],
    ["it's", "it's"], ['say "hi"', 'say "hi"'], ['a\tb', '"a\\tb"'], ['😀', '"\\U0001F600"'], ['héllo wörld', 'héllo wörld'],
    ['a \nb', '"a \\nb"'], ['a\r\nb', '"a\\r\\nb"'], ['x', 'x'],
  ])('writes the string %j as %s', (s, expected) => {
    expect(goYaml({ k: s })).toBe(`k: ${expected}\n`);
  });

  it('writes multi-line strings as literals with chomping and indentation indicators', () => {
    expect(goYaml({ a: 'line1\nline2\n', b: 'line1\nline2', c: '  indented\nx\n\n' })).toBe(
      'a: |\n  line1\n  line2\nb: |-\n  line1\n  line2\nc: |2+\n    indented\n  x\n\n',
    );
  });

  it('folds long plain and quoted scalars at 80 columns, continuing one step in', () => {
    const words = Array.from({ length: 16 }, (_, i) => `word${i}`).join(' ');
    expect(goYaml({ m: { k: `${words} ${words}` } })).toBe(
      `m:\n  k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9\n    word10 word11 word12 word13 word14 word15\n`,
    );
    expect(goYaml({ k: `'${words} ${words}` })).toBe(
      `k: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9\n  word10 word11 word12 word13 word14 word15'\n`,
    );
  });

  it('writes empty collections in flow style, lists unindented under their key, lists of lists inline', () => {
    expect(goYaml({ a: {}, b: [], c: [[1, 2], [], { x: null, y: true }], d: [{ e: 1.5, f: 1e21 }] })).toBe(
      'a: {}\nb: []\nc:\n- - 1\n  - 2\n- []\n- x: null\n  "y": true\nd:\n- e: 1.5\n  f: 1e+21\n',
    );
  });

  it('writes keys over 128 bytes as complex keys', () => {
    const k = 'k'.repeat(130);
    expect(goYaml({ [k]: 'v' })).toBe(`? ${k}\n: v\n`);
  });

  it('sorts keys as go-yaml does: digit runs by value, letters first', () => {
    expect(['k10', 'k9', 'k09', '_x', '-y', 'a.b', 'Y'].sort(goYamlKeyCompare)).toEqual(['-y', '_x', 'Y', 'a.b', 'k9', 'k09', 'k10']);
  });
});

describe('go-yaml v2 scalar resolution and Go float text', () => {
  it.each([['0o17', true], ['08', true], ['+1', true], ['-0b101', true], ['18446744073709551616', true], ['2023-02-29', false], ['2024-02-29', true], ['1.2.3', false], ['.5', true], ['.', false], ['12:30:45', false]])(
    '%s reads back as a non-string: %s',
    (s, expected) => expect(resolvesToNonString(s)).toBe(expected),
  );
  it('formats floats as strconv g', () => {
    expect([0.5, 1234567.5, 0.00001, 123456.5].map(formatGoFloat)).toEqual(['0.5', '1.2345675e+06', '1e-05', '123456.5']);
  });
});
