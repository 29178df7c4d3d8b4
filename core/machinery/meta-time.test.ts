import { describe, expect, it } from 'vitest';
import { metaTime } from './meta-time';

describe('metaTime', () => {
  it('writes whole seconds in UTC, and the next second when it comes', () => {
    expect(metaTime(new Date('2026-11-22T06:40:00.999Z'))).toBe('2026-11-22T06:40:00Z');
    expect(metaTime(new Date('2026-11-22T06:40:00.001Z'))).toBe('2026-11-22T06:40:00Z');
    expect(metaTime(new Date('2026-11-22T06:40:01.000Z'))).toBe('2026-11-22T06:40:01Z');
    expect(metaTime(new Date('1999-12-31T23:59:59.5+01:00'))).toBe('1999-12-31T22:59:59Z');
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => metaTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
