import { describe, expect, it } from 'vitest';
import { formatGoDuration, formatUnixTime } from './go-format';

describe('formatGoDuration', () => {
  it.each([
    { nanos: 0n, want: '0s' },
    { nanos: 999n, want: '999ns' },
    { nanos: 1500n, want: '1.5µs' },
    { nanos: 100_000_000n, want: '100ms' },
    { nanos: 1_000_000_000n, want: '1s' },
    { nanos: 90_500_000_000n, want: '1m30.5s' },
    { nanos: 3_600_000_000_000n, want: '1h0m0s' },
    { nanos: -5_000_000_000n, want: '-5s' },
  ])('$nanos ns is $want', ({ nanos, want }) => {
    expect(formatGoDuration(nanos)).toBe(want);
  });
});

describe('formatUnixTime', () => {
  const nov22 = Date.UTC(2026, 10, 22) / 1000;
  it.each([
    { seconds: nov22, nanos: 0, digits: 0 as const, want: '2026-11-22T00:00:00Z' },
    { seconds: nov22, nanos: 999_999_999, digits: 0 as const, want: '2026-11-22T00:00:00Z' },
    { seconds: nov22, nanos: 0, digits: 6 as const, want: '2026-11-22T00:00:00.000000Z' },
    { seconds: nov22 + 61, nanos: 123_456_789, digits: 6 as const, want: '2026-11-22T00:01:01.123456Z' },
    { seconds: 0, nanos: 0, digits: 0 as const, want: '1970-01-01T00:00:00Z' },
  ])('$seconds s + $nanos ns → $want', ({ seconds, nanos, digits, want }) => {
    expect(formatUnixTime(seconds, nanos, digits)).toBe(want);
  });
});
