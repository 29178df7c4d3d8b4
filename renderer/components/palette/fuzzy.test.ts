import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy';

describe('fuzzyScore', () => {
  it('matches characters in order, not otherwise', () => {
    expect(fuzzyScore('dpl', 'Deployments')).toBeGreaterThan(0);
    expect(fuzzyScore('lpd', 'Deployments')).toBe(-1);
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks runs and word starts above scattered letters', () => {
    const items = ['PodDisruptionBudgets', 'Pods', 'PersistentVolumes', 'pod web-7d9 in default'];
    expect(fuzzyFilter('pod', items, (x) => x, 10)[0]).toBe('Pods');
    expect(fuzzyFilter('pv', items, (x) => x, 10)[0]).toBe('PersistentVolumes');
    expect(fuzzyFilter('web', items, (x) => x, 10)).toEqual(['pod web-7d9 in default']);
  });

  it('ignores spaces in the query and keeps the limit', () => {
    expect(fuzzyScore('config map', 'ConfigMaps')).toBeGreaterThan(0);
    expect(fuzzyFilter('s', ['Pods', 'Secrets', 'Services'], (x) => x, 2)).toHaveLength(2);
  });
});
