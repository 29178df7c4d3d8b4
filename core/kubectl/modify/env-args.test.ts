import { describe, expect, it } from 'vitest';
import { matchesContainer } from './pod-template';
import { parseEnv, splitEnvFromResources, updateEnv } from './env-args';

describe('kubectl set env arguments', () => {
  it('splits resources from variables; a resource after a variable fails', () => {
    expect(splitEnvFromResources(['deploy/web', 'A=1', 'B-'])).toEqual({ resources: ['deploy/web'], env: ['A=1', 'B-'] });
    expect(splitEnvFromResources(['deploy/web', 'A=1', 'web'])).toBeUndefined();
  });

  it('reads NAME=VALUE, NAME- and a KEY=VALUE file on stdin', () => {
    expect(parseEnv(['A=x=y', 'B-', '-'], 'C=1 # note\n# skipped\nD=2\n')).toEqual({
      env: [
        { name: 'A', value: 'x=y' },
        { name: 'C', value: '1 ' },
        { name: 'D', value: '2' },
      ],
      remove: ['B'],
    });
    expect(() => parseEnv(['1A=x'], '')).toThrow(/^"1A" is not a valid key name: a valid environment variable name/);
    expect(() => parseEnv(['A=1', 'A-'], '')).toThrow('can not both modify and remove the same environment variable in the same command');
  });

  it('keeps existing variables in place and appends new ones', () => {
    const existing = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }];
    expect(updateEnv(existing, [{ name: 'C', value: '9' }, { name: 'D', value: '4' }], ['A'])).toEqual([
      { name: 'B', value: '2' },
      { name: 'C', value: '9' },
      { name: 'D', value: '4' },
    ]);
  });

  it('matches container names with kubectl wildcards', () => {
    expect(matchesContainer('nginx', '*')).toBe(true);
    expect(matchesContainer('nginx', 'ng*')).toBe(true);
    expect(matchesContainer('nginx', 'a*')).toBe(false);
    // kubectl's matcher does not anchor the first part: "x*" matches "nginx".
    expect(matchesContainer('nginx', 'x*')).toBe(true);
    expect(matchesContainer('nginx', 'nginx')).toBe(true);
  });
});
