import { describe, expect, it } from 'vitest';
import { chartSummary, formatCores, niceAxis } from './chart-format';

const Mi = 2 ** 20;

describe('chart formats', () => {
  it.each([
    [0.75, '750m'],
    [1, '1 core'],
    [2.5, '2.5 cores'],
  ])('cores %s', (n, text) => expect(formatCores(n)).toBe(text));

  it('summarises the latest value of each series and the lines', () => {
    expect(chartSummary('CPU of web', 'cpu', [{ name: 'web', points: [[1, 0.5], [2, 0.75]] }], [{ label: 'limit', value: 1 }])).toBe('CPU of web: latest web 750m; limit 1 core');
    expect(chartSummary('Memory', 'memory', [{ name: 'used', points: [] }], [])).toBe('Memory: no data yet');
  });

  it.each([
    ['cpu', 1.1, { max: 1.5, interval: 0.5 }],
    ['cpu', 0.022, { max: 0.03, interval: 0.01 }],
    ['cpu', 0, { max: 0.025, interval: 0.025 }],
    ['memory', 563 * Mi, { max: 768 * Mi, interval: 256 * Mi }],
    ['memory', 26 * Mi, { max: 32 * Mi, interval: 8 * Mi }],
    ['memory', 15 * 2 ** 30, { max: 16 * 2 ** 30, interval: 4 * 2 ** 30 }],
  ] as const)('axis for %s up to %s', (unit, top, axis) => expect(niceAxis(top, unit)).toEqual(axis));
});
