import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteList } from './go-quote';

describe('goQuote', () => {
  it.each([
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\t\n\r\v\f\x07\b', '"\\t\\n\\r\\v\\f\\a\\b"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['\u00a0é\u2028\u200b', '"\\u00a0é\\u2028\\u200b"'],
    ['\u{e0001}😀', '"\\U000e0001😀"'],
    ['\ud800', '"\ufffd"'],
  ])('%j is %s', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });

  it('prints a list as Go prints a []string', () => {
    expect(goQuoteList(['a', 'b\n'])).toBe('["a" "b\\n"]');
    expect(goQuoteList([])).toBe('[]');
  });
});
