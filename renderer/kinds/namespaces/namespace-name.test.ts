import { describe, expect, it } from 'vitest';
import { namespaceNameError } from './namespace-name';

describe('namespaceNameError (IsDNS1123Label)', () => {
  it.each(['a', 'team-a', '123-abc', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(namespaceNameError(name)).toBeUndefined();
  });
  it.each([
    ['', 'A name is required.'],
    ['Team', 'RFC 1123 label'],
    ['-a', 'start and end with an alphanumeric'],
    ['a-', 'start and end with an alphanumeric'],
    ['a.b', "alphanumeric characters or '-'"],
    ['a_b', "alphanumeric characters or '-'"],
    ['x'.repeat(64), 'no more than 63 characters'],
  ])('refuses %j', (name, message) => {
    expect(namespaceNameError(name)).toContain(message);
  });
});
