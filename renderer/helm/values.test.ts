import { describe, expect, it } from 'vitest';
import { coalesceValues } from './values';

describe('coalesceValues', () => {
  it.each([
    ['no user values', undefined, { a: 1 }, { a: 1 }],
    ['a user value wins', { a: 2 }, { a: 1, b: 1 }, { a: 2, b: 1 }],
    ['maps merge key by key', { image: { tag: 'v2' } }, { image: { repo: 'nginx', tag: 'latest' } }, { image: { repo: 'nginx', tag: 'v2' } }],
    ['lists are replaced, not merged', { ports: [8080] }, { ports: [80, 443] }, { ports: [8080] }],
    ['null deletes a default', { ingress: null }, { ingress: { enabled: false }, a: 1 }, { a: 1 }],
    ['user keys without a default are kept', { extra: { x: 1 } }, {}, { extra: { x: 1 } }],
  ])('%s', (_name, user, defaults, expected) => {
    expect(coalesceValues(user as Record<string, unknown> | undefined, defaults)).toEqual(expected);
  });
});
