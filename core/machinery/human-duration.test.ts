import { describe, expect, it } from 'vitest';
import { age, humanDuration, since } from './human-duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [-1 * s, '0s'],
    [-1.5 * s, '0s'],
    [-2 * s, '<invalid>'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [121 * s, '2m1s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [49 * h, '2d1h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d + 100 * d, '20y'],
  ];
  it.each(cases)('%d ms -> %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('since and age', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  const cases: { ts: string | undefined; expected: string }[] = [
    { ts: '2024-05-01T11:55:00Z', expected: '5m' },
    { ts: '2024-05-01T11:59:15Z', expected: '45s' },
    { ts: '2024-04-28T12:00:00Z', expected: '3d' },
    { ts: undefined, expected: '<unknown>' },
    { ts: '', expected: '<unknown>' },
    { ts: 'not a time', expected: '<unknown>' },
  ];
  it.each(cases)('$ts -> $expected', ({ ts, expected }) => {
    expect(since(ts, now)).toBe(expected);
    expect(age({ metadata: { creationTimestamp: ts } }, now)).toBe(expected);
  });
});
