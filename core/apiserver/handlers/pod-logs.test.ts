import { describe, expect, it } from 'vitest';
import { logOptions, rfc3339Nano } from './pod-logs';

const NOW = new Date('2026-01-01T00:01:00Z');
const q = (s: string) => new URLSearchParams(s);

describe('rfc3339Nano', () => {
  it.each([
    ['2026-01-01T00:00:00.120Z', '2026-01-01T00:00:00.12Z'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00Z'],
    ['2026-01-01T00:00:00.007Z', '2026-01-01T00:00:00.007Z'],
  ])('%s -> %s, as Go formats it', (iso, expected) => expect(rfc3339Nano(new Date(iso))).toBe(expected));
});

describe('logOptions', () => {
  it('reads PodLogOptions', () => {
    expect(logOptions(q('follow=true&timestamps=true&tailLines=10&limitBytes=100&sinceSeconds=30'), NOW)).toEqual({
      follow: true,
      timestamps: true,
      previous: false,
      tailLines: 10,
      limitBytes: 100,
      since: new Date('2026-01-01T00:00:30Z'),
    });
    expect(logOptions(q('sinceTime=2026-01-01T00:00:10Z'), NOW).since).toEqual(new Date('2026-01-01T00:00:10Z'));
  });

  it.each([
    ['tailLines=-1', 'tailLines: Invalid value: -1: must be greater than or equal to 0'],
    ['limitBytes=0', 'limitBytes: Invalid value: 0: must be greater than 0'],
    ['sinceSeconds=0', 'sinceSeconds: Invalid value: 0: must be greater than 0'],
    ['sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z', 'at most one of `sinceTime` or `sinceSeconds` may be specified'],
    ['sinceTime=yesterday', 'sinceTime: Invalid value: "yesterday"'],
    ['follow=maybe', 'follow: Invalid value: "maybe": must be a boolean'],
  ])('refuses %s', (query, message) => expect(() => logOptions(q(query), NOW)).toThrow(message));
});
