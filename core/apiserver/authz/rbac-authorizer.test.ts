import { describe, expect, it } from 'vitest';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { forbiddenError, RbacAuthorizer, type RequestAttributes } from './rbac-authorizer';
import { requestAttributes } from './attributes';
import { parseResourcePath } from '../request-info';
import type { UserInfo } from '../../registry/generic/resource-store';

const clusterRoles: Record<string, ClusterRole> = {
  view: { metadata: { name: 'view' }, rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }] },
  scaler: { metadata: { name: 'scaler' }, rules: [{ apiGroups: ['apps'], resources: ['*/scale'], verbs: ['update', 'patch'] }] },
  health: { metadata: { name: 'health' }, rules: [{ nonResourceURLs: ['/healthz', '/apis/*'], verbs: ['get'] }] },
};
const roles: Record<string, Role> = {
  'team/one-config': { metadata: { name: 'one-config', namespace: 'team' }, rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'], verbs: ['get'] }] },
};
const crbs: ClusterRoleBinding[] = [
  { metadata: { name: 'health' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'health' }, subjects: [{ kind: 'Group', name: 'system:authenticated' }] },
  { metadata: { name: 'scalers' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'scaler' }, subjects: [{ kind: 'User', name: 'ops' }] },
];
const rbs: Record<string, RoleBinding[]> = {
  team: [
    { metadata: { name: 'view', namespace: 'team' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'ci' }] },
    { metadata: { name: 'cfg', namespace: 'team' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'one-config' }, subjects: [{ kind: 'User', name: 'alice' }] },
  ],
};

const rbac = new RbacAuthorizer({
  clusterRoleBindings: () => crbs,
  roleBindings: (ns) => rbs[ns] ?? [],
  clusterRole: (n) => clusterRoles[n],
  role: (ns, n) => roles[`${ns}/${n}`],
});

const user = (username: string, ...groups: string[]): UserInfo => ({ username, groups: [...groups, 'system:authenticated'] });
const ci = user('system:serviceaccount:team:ci', 'system:serviceaccounts');
const res = (verb: string, resource: string, extra: Partial<RequestAttributes> = {}): RequestAttributes => ({
  verb,
  resourceRequest: true,
  apiGroup: '',
  resource,
  ...extra,
});

describe('RbacAuthorizer', () => {
  it.each<[string, UserInfo, RequestAttributes, boolean]>([
    ['masters may do anything', user('root', 'system:masters'), res('delete', 'nodes', { name: 'n1' }), true],
    ['a service account bound in its namespace lists pods', ci, res('list', 'pods', { namespace: 'team' }), true],
    ['...reads pod logs (subresource named in the rule)', ci, res('get', 'pods', { namespace: 'team', name: 'p', subresource: 'log' }), true],
    ['...but not exec (other subresource)', ci, res('create', 'pods', { namespace: 'team', name: 'p', subresource: 'exec' }), false],
    ['...and not in another namespace', ci, res('list', 'pods', { namespace: 'other' }), false],
    ['...and not writes', ci, res('delete', 'pods', { namespace: 'team', name: 'p' }), false],
    ['resourceNames allow the named object', user('alice'), res('get', 'configmaps', { namespace: 'team', name: 'app' }), true],
    ['resourceNames refuse others', user('alice'), res('get', 'configmaps', { namespace: 'team', name: 'db' }), false],
    ['resourceNames refuse lists', user('alice'), res('list', 'configmaps', { namespace: 'team' }), false],
    ['*/scale matches any scale subresource in the group', user('ops'), res('patch', 'deployments', { apiGroup: 'apps', namespace: 'x', name: 'd', subresource: 'scale' }), true],
    ['*/scale does not match the resource itself', user('ops'), res('patch', 'deployments', { apiGroup: 'apps', namespace: 'x', name: 'd' }), false],
    ['a group binding covers non-resource URLs', user('bob'), { verb: 'get', resourceRequest: false, path: '/healthz' }, true],
    ['a trailing * in a URL rule matches below it', user('bob'), { verb: 'get', resourceRequest: false, path: '/apis/apps/v1' }, true],
    ['unlisted URLs are refused', user('bob'), { verb: 'get', resourceRequest: false, path: '/metrics' }, false],
  ])('%s', (_name, u, attrs, allowed) => {
    expect(rbac.authorize(u, attrs).allowed).toBe(allowed);
  });
});

describe('request attributes', () => {
  const q = (s = '') => new URLSearchParams(s);
  it.each<[string, string, string, string, Partial<RequestAttributes>]>([
    ['GET', '/api/v1/namespaces/a/pods', '', 'list', { resource: 'pods', namespace: 'a' }],
    ['GET', '/api/v1/namespaces/a/pods', 'watch=true', 'watch', { resource: 'pods' }],
    ['GET', '/api/v1/namespaces/a/pods/p/log', '', 'get', { subresource: 'log', name: 'p' }],
    ['DELETE', '/apis/apps/v1/namespaces/a/deployments', '', 'deletecollection', { apiGroup: 'apps' }],
    ['PATCH', '/apis/apps/v1/namespaces/a/deployments/d/scale', '', 'patch', { subresource: 'scale' }],
    ['GET', '/api/v1/namespaces/a', '', 'get', { resource: 'namespaces', namespace: 'a', name: 'a' }],
  ])('%s %s?%s is %s', (method, path, query, verb, expected) => {
    const a = requestAttributes(method, path, q(query), parseResourcePath(path));
    expect(a.verb).toBe(verb);
    expect(a).toMatchObject(expected);
  });
});

describe('forbiddenError', () => {
  const status = (a: RequestAttributes, reason?: string) => JSON.parse(JSON.stringify(forbiddenError(ci, a, reason).toStatus())) as Record<string, unknown>;

  it('words a denial as the real API server', () => {
    expect(status(res('list', 'secrets', { namespace: 'team' }))).toMatchObject({
      message: 'secrets is forbidden: User "system:serviceaccount:team:ci" cannot list resource "secrets" in API group "" in the namespace "team"',
      details: { kind: 'secrets' },
    });
    expect(status(res('get', 'deployments', { apiGroup: 'apps', namespace: 'team', name: 'web' }), 'no rule')).toMatchObject({
      message: 'deployments.apps "web" is forbidden: User "system:serviceaccount:team:ci" cannot get resource "deployments" in API group "apps" in the namespace "team": no rule',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(status(res('list', 'nodes')).message).toBe(
      'nodes is forbidden: User "system:serviceaccount:team:ci" cannot list resource "nodes" in API group "" at the cluster scope',
    );
  });

  it('a path denial has empty details, as NewForbidden with no resource gives', () => {
    expect(status({ verb: 'get', resourceRequest: false, path: '/metrics' })).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'forbidden: User "system:serviceaccount:team:ci" cannot get path "/metrics"',
      details: {},
    });
  });
});
