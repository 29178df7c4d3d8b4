import { describe, expect, it } from 'vitest';
import type { ResourceKind } from '../kube/resources';
import { reviewAttributes, runBounded, serviceAccountSubject, verdictFromRules, type ResourceRule } from './access-matrix';

const rules: ResourceRule[] = [
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'services'] },
  { verbs: ['*'], apiGroups: ['apps'], resources: ['deployments'] },
  { verbs: ['update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews'] },
];

describe('verdictFromRules', () => {
  it.each([
    ['a listed verb', '', 'pods', 'list', 'yes'],
    ['an unlisted verb', '', 'pods', 'delete', 'no'],
    ['a wildcard verb', 'apps', 'deployments', 'delete', 'yes'],
    ['the same resource in another group', 'apps', 'pods', 'get', 'no'],
    ['named objects only', '', 'configmaps', 'update', 'some'],
    ['no rule at all', '', 'secrets', 'get', 'no'],
  ] as const)('%s', (_name, group, resource, verb, expected) => {
    expect(verdictFromRules(rules, group, resource, verb)).toBe(expected);
  });

  it('lets every wildcard match', () => {
    expect(verdictFromRules([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], 'rbac.authorization.k8s.io', 'clusterroles', 'delete')).toBe('yes');
  });
});

describe('access reviews', () => {
  const kind = (namespaced: boolean): ResourceKind => ({ id: 'x', label: 'X', kind: 'X', group: 'apps', version: 'v1', resource: namespaced ? 'deployments' : 'nodes', namespaced });

  it('names the namespace only for namespaced resources', () => {
    expect(reviewAttributes({ kind: kind(true), verb: 'list' }, 'team')).toEqual({ verb: 'list', group: 'apps', resource: 'deployments', namespace: 'team' });
    expect(reviewAttributes({ kind: kind(false), verb: 'get' }, 'team')).toEqual({ verb: 'get', group: 'apps', resource: 'nodes' });
  });

  it('reviews a ServiceAccount as its token authenticates', () => {
    expect(serviceAccountSubject('team', 'ci')).toEqual({
      user: 'system:serviceaccount:team:ci',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated'],
    });
  });

  it('runs at most the limit at once and keeps the order', async () => {
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      return i;
    });
    const done = runBounded(tasks, 3);
    while (gates.length || running) {
      await Promise.resolve();
      gates.shift()?.();
    }
    expect(await done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });
});
