import { describe, expect, it } from 'vitest';
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';
import { compactString, escalationError } from './escalation';
import { RbacAuthorizer } from './rbac-authorizer';
import { uncoveredRules } from './rule-covers';
import type { UserInfo } from '../../registry/generic/resource-store';

describe('uncoveredRules', () => {
  it.each<[string, PolicyRule[], PolicyRule[], PolicyRule[]]>([
    ['a star covers everything', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }], [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'delete'] }], []],
    [
      'each verb is checked on its own',
      [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'delete'] }],
      [{ apiGroups: [''], resources: ['pods'], verbs: ['delete'] }],
    ],
    [
      'pieces may be covered by different rules',
      [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
      ],
      [{ apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get'] }],
      [],
    ],
    ['*/scale covers a scale subresource', [{ apiGroups: ['apps'], resources: ['*/scale'], verbs: ['patch'] }], [{ apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['patch'] }], []],
    [
      'named objects do not cover all of them',
      [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'], verbs: ['get'] }],
      [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
      [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    ],
    [
      'all objects cover named ones',
      [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
      [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['get'] }],
      [],
    ],
    ['a trailing * in a URL covers below it', [{ nonResourceURLs: ['/apis/*'], verbs: ['get'] }], [{ nonResourceURLs: ['/apis/apps'], verbs: ['get'] }], []],
    ['resource rules never cover URLs', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }], [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }], [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }]],
  ])('%s', (_name, held, wanted, missing) => {
    expect(uncoveredRules(held, wanted)).toEqual(missing);
  });
});

describe('escalationError', () => {
  const clusterRoles: Record<string, ClusterRole> = {
    'pod-reader': { metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] },
  };
  const crbs: ClusterRoleBinding[] = [
    { metadata: { name: 'r' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'pod-reader' }, subjects: [{ kind: 'User', name: 'jane' }] },
  ];
  const rbac = new RbacAuthorizer({ clusterRoleBindings: () => crbs, roleBindings: () => [], clusterRole: (n) => clusterRoles[n], role: () => undefined });
  const jane: UserInfo = { username: 'jane', groups: ['dev', 'system:authenticated'] };

  it('is undefined when the user holds every rule', () => {
    expect(escalationError(rbac, jane, 'x', [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }])).toBeUndefined();
  });

  it('lists the missing rules, compacted and sorted, in Kubernetes words', () => {
    const wanted: PolicyRule[] = [
      { apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get', 'list', 'delete'] },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ];
    expect(escalationError(rbac, jane, undefined, wanted)).toBe(
      'user "jane" (groups=["dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list" "delete"]}\n' +
        '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
    );
  });

  it('merges the verbs of a rule on one named object into one line, one line per name', () => {
    const wanted: PolicyRule[] = [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['get', 'update'] }];
    expect(escalationError(rbac, jane, 'x', wanted)?.split('\n').slice(1)).toEqual([
      '{APIGroups:[""], Resources:["configmaps"], ResourceNames:["a"], Verbs:["get" "update"]}',
      '{APIGroups:[""], Resources:["configmaps"], ResourceNames:["b"], Verbs:["get" "update"]}',
    ]);
  });

  it('quotes names as Go does', () => {
    const odd: UserInfo = { username: 'bad\x1bname', groups: ['g\u2028'] };
    expect(escalationError(rbac, odd, 'x', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }])).toMatch(
      /^user "bad\\x1bname" \(groups=\["g\\u2028"\]\) is attempting/,
    );
  });

  it('prints every part of a rule in Go order', () => {
    expect(compactString({ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] })).toBe(
      '{APIGroups:["apps"], Resources:["deployments"], ResourceNames:["web"], Verbs:["get"]}',
    );
  });
});
