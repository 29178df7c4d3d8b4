import { describe, expect, it } from 'vitest';
import { add, exceeded, prettyPrint, subtractNonNegative } from './resource-list';

describe('resource lists', () => {
  it.each([
    ['milli cpu', { cpu: '500m' }, { cpu: '1' }, { cpu: '1500m' }],
    ['whole cpu', { cpu: '500m' }, { cpu: '500m' }, { cpu: '1' }],
    ['binary memory', { memory: '1Gi' }, { memory: '512Mi' }, { memory: '1536Mi' }],
    ['from zero keeps the addend format', { memory: '0' }, { memory: '128Mi' }, { memory: '128Mi' }],
    ['disjoint keys', { pods: '1' }, { secrets: '2' }, { pods: '1', secrets: '2' }],
  ])('add: %s', (_n, a, b, sum) => expect(add(a, b)).toEqual(sum));

  it('subtracts without going below zero', () => {
    expect(subtractNonNegative({ cpu: '1', pods: '1' }, { cpu: '1500m', pods: '0' })).toEqual({ cpu: '0', pods: '1' });
  });

  it('names what exceeds a limit, ignoring unlimited resources', () => {
    expect(exceeded({ cpu: '2500m', pods: '3', secrets: '9' }, { cpu: '2', pods: '3' })).toEqual(['cpu']);
  });

  it('prints sorted k=v pairs', () => expect(prettyPrint({ 'requests.memory': '1Gi', 'requests.cpu': '1' })).toBe('requests.cpu=1,requests.memory=1Gi'));
});
