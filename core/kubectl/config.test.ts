import { describe, expect, it } from 'vitest';
import { parseRequestTimeout } from './config';
import { formatGoDuration } from '../machinery/go-duration';

describe('--request-timeout', () => {
  it('reads whole seconds or a Go duration, as clientcmd does', () => {
    expect(parseRequestTimeout('5')).toBe(5000);
    expect(parseRequestTimeout('0')).toBe(0);
    expect(parseRequestTimeout('1m30s')).toBe(90_000);
    expect(parseRequestTimeout('-1s')).toBe(-1000);
    expect(() => parseRequestTimeout('-5')).toThrow(/^Invalid timeout value/);
    expect(() => parseRequestTimeout('soon')).toThrow(/^Invalid timeout value/);
  });

  it('is sent to the server as Go prints a Duration', () => {
    expect([2000, 90_000, 3_600_000, 1500, 1, 0.001, 0, -1000].map(formatGoDuration)).toEqual(['2s', '1m30s', '1h0m0s', '1.5s', '1ms', '1µs', '0s', '-1s']);
  });
});
