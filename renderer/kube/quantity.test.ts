import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['100n', 1e-7],
    ['1Ki', 1024],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['5E-2', 0.05],
    ['.5', 0.5],
  ])('%s', (text, want) => expect(parseQuantity(text)).toBeCloseTo(want, 12));

  it.each(['', 'abc', '1Xi', '1 Gi', '--1'])('refuses "%s"', (text) => expect(() => parseQuantity(text)).toThrow(/not a quantity/));
});

describe('formats', () => {
  it('prints CPU as kubectl top does', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(12.34)).toBe('12.3');
  });
  it('prints bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512');
    expect(formatBytes(1536)).toBe('1.5Ki');
    expect(formatBytes(3 * 2 ** 30)).toBe('3Gi');
    expect(formatBytes(200 * 2 ** 20)).toBe('200Mi');
  });
});
