import { randomInt } from 'node:crypto';

// The alphabet and lengths of apiserver's SimpleNameGenerator: no vowels, so generated names
// never spell words.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_BASE = 58;
const RANDOM_LENGTH = 5;

/** utilrand.String: n characters of that alphabet (kubectl uses it too). */
export function randomString(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function generateName(base: string): string {
  return (base.length > MAX_BASE ? base.slice(0, MAX_BASE) : base) + randomString(RANDOM_LENGTH);
}
