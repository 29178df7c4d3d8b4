import { randomInt } from 'node:crypto';

// The alphabet and lengths of apiserver's SimpleNameGenerator: no vowels, so generated names
// never spell words.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_BASE = 58;
const RANDOM_LENGTH = 5;

export function generateName(base: string): string {
  let out = base.length > MAX_BASE ? base.slice(0, MAX_BASE) : base;
  for (let i = 0; i < RANDOM_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
