import { describe, expect, it } from 'vitest';
import { wrapString } from './word-wrap';

describe("go-wordwrap's WrapString", () => {
  it('moves a word that would pass the limit to the next line', () => {
    expect(wrapString('one two three four', 9)).toBe('one two\nthree\nfour');
  });
  it('keeps a word longer than the limit whole, and existing line breaks', () => {
    expect(wrapString('a https://example.com/a/long/path b\nc', 10)).toBe('a\nhttps://example.com/a/long/path\nb\nc');
  });
  it('drops the spaces where it breaks', () => {
    expect(wrapString('aaa   bbb', 5)).toBe('aaa\nbbb');
  });
});
