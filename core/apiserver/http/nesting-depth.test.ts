import { describe, expect, it } from 'vitest';
import { nestedJson } from '../../../test/support/hostile-bodies';
import { checkNestingDepth, MAX_NESTING_DEPTH } from './nesting-depth';

const nested = (levels: number) => JSON.parse(nestedJson(levels)) as unknown;

describe('checkNestingDepth', () => {
  it('accepts a value exactly at the limit', () => {
    expect(() => checkNestingDepth(nested(MAX_NESTING_DEPTH))).not.toThrow();
  });

  it("refuses one level more with Go's scanner message, naming the bracket", () => {
    expect(() => checkNestingDepth(nested(MAX_NESTING_DEPTH + 1))).toThrow("invalid character '{' exceeded max depth");
    expect(() => checkNestingDepth([nested(MAX_NESTING_DEPTH)])).toThrow("invalid character '{' exceeded max depth");
    expect(() => checkNestingDepth({ x: JSON.parse('['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH)) })).toThrow(
      "invalid character '[' exceeded max depth",
    );
  });

  it('walks 100,000 levels without recursing', () => {
    expect(() => checkNestingDepth(nested(100_000))).toThrow('exceeded max depth');
  });
});
