import { describe, expect, it } from 'vitest';
import { accessRows, breakdownRule, combineResourceGroup, compactRules } from './rbac-rules';

describe('kubectl auth can-i --list rule layout', () => {
  it('breaks rules down and merges simple ones again, verbs in order', () => {
    const rules = [
      { apiGroups: ['', 'apps'], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch'] },
    ];
    expect(breakdownRule(rules[0]!)).toHaveLength(4);
    expect(compactRules(rules.flatMap(breakdownRule))).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['pods'], verbs: ['get', 'list'] },
    ]);
  });

  it('keeps non-resource rules apart, duplicates included, and sorts by verbs first', () => {
    const rows = accessRows([
      { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews'], verbs: ['create'] },
    ]);
    expect(rows).toEqual([
      ['*.*', '[]', '[]', '[*]'],
      ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
      ['', '[/healthz]', '[]', '[get]'],
      ['', '[/healthz]', '[]', '[get]'],
      ['', '[/version]', '[]', '[get]'],
    ]);
  });

  it('names a subresource after the group', () => {
    expect(combineResourceGroup(['deployments/scale'], ['apps'])).toBe('deployments.apps/scale');
    expect(combineResourceGroup(['pods/log'], [''])).toBe('pods/log');
    expect(combineResourceGroup([], ['apps'])).toBe('');
  });
});
