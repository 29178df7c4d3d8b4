import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityToMilli,
  quantityToNumber,
  roundUpToMilli,
} from './quantity';

// Rows from apimachinery's own quantity tests (TestQuantityParseEmit, TestQuantityString).
describe('canonicalQuantity', () => {
  it.each([
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['5000m', '5'],
    ['0.5', '500m'],
    ['1000M', '1G'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    ['1000m', '1'],
    ['500Mi', '500Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['100m', '100m'],
    ['2', '2'],
    ['1e3', '1e3'],
    ['1.2e3', '1200'],
    ['100.035k', '100.035k'],
    ['100.0350k', '100035'],
    ['3.001n', '4n'],
    ['12E', '12E'],
    ['9Ei', '9223372036854775807'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
    if (expected !== '0') expect(canonicalQuantity(`-${input}`)).toBe(`-${expected}`);
  });

  it('keeps already-canonical text as written', () => {
    for (const s of ['1Gi', '300Mi', '6Ki', '1001Gi', '5', '500m', '1G', '1m', '80m', '1080m', '300M', '1T', '3k', '1025', '1e9', '1e-3', '80e-3', '300e6', '1n', '1080n', '1u']) {
      expect(parseQuantity(s)?.original).toBe(s);
      expect(canonicalQuantity(s)).toBe(s);
    }
  });

  it('reads JSON numbers as their decimal text', () => {
    expect(canonicalQuantity(2)).toBe('2');
    expect(canonicalQuantity(0.5)).toBe('500m');
    expect(canonicalQuantity(1024)).toBe('1024');
  });

  it.each(['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', '1 Gi', '10KB'])(
    'rejects %j',
    (input) => {
      expect(parseQuantity(input)).toBeUndefined();
    },
  );
});

describe('quantity values', () => {
  it.each([
    ['5n', 5, -9],
    ['50k', 50, 3],
    ['1E-3', 1, -3],
    ['0.0005k', 5, -1],
    ['1.7E18', 17, 17],
    ['0.00000012345', 124, -9],
    ['0.5Mi', 524288, 0],
    ['0.05Gi', 536870912, -1],
    ['1.', 1, 0],
    ['1.G', 1, 9],
  ])('%s = %d × 10^%d', (input, unscaled, exp) => {
    const q = parseQuantity(input)!;
    expect(compareQuantities(q, { unscaled: BigInt(unscaled), exp, format: 'DecimalSI' })).toBe(0);
  });

  it.each([
    ['100m', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['0.0001', 1],
    ['1Ki', 1024000],
  ])('milli value of %s is %d', (input, milli) => {
    expect(quantityToMilli(input)).toBe(milli);
  });

  it.each([
    ['128Mi', 134217728],
    ['250m', 0.25],
    ['1e3', 1000],
  ])('number value of %s is %d', (input, n) => {
    expect(quantityToNumber(input)).toBe(n);
  });

  it('rounds up to milli units as resource lists are defaulted', () => {
    expect(formatQuantity(roundUpToMilli(parseQuantity('100u')!))).toBe('1m');
    expect(formatQuantity(roundUpToMilli(parseQuantity('1.0001')!))).toBe('1001m');
    expect(formatQuantity(roundUpToMilli(parseQuantity('1.500')!))).toBe('1.500');
  });
});
