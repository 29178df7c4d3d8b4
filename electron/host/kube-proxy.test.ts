import { describe, expect, it } from 'vitest';
import { apiPathAndQuery } from './kube-proxy';

describe('apiPathAndQuery', () => {
  const allowed: { name: string; path: string; query?: Record<string, string>; expected: string }[] = [
    { name: 'core list', path: '/api/v1/pods', expected: '/api/v1/pods' },
    { name: 'group object', path: '/apis/apps/v1/namespaces/default/deployments/web', expected: '/apis/apps/v1/namespaces/default/deployments/web' },
    { name: 'rbac name with colons', path: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:node', expected: '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:node' },
    { name: 'version', path: '/version', expected: '/version' },
    { name: 'query is encoded', path: '/api/v1/pods', query: { limit: '500', continue: 'a b&c' }, expected: '/api/v1/pods?limit=500&continue=a+b%26c' },
  ];
  it.each(allowed)('allows $name', ({ path, query, expected }) => {
    expect(apiPathAndQuery(path, query)).toBe(expected);
  });

  const refused: { name: string; path: unknown; query?: unknown }[] = [
    { name: 'outside the API', path: '/healthz' },
    { name: 'a full URL', path: 'https://evil.example/api/v1' },
    { name: 'dot-dot segments', path: '/api/v1/../../etc/passwd' },
    { name: 'a query smuggled in the path', path: '/api/v1/pods?watch=1' },
    { name: 'a prefix lookalike', path: '/apisx/v1' },
    { name: 'not a string', path: 42 },
    { name: 'a non-string query value', path: '/api/v1/pods', query: { limit: 5 } },
  ];
  it.each(refused)('refuses $name', ({ path, query }) => {
    expect(() => apiPathAndQuery(path, query)).toThrow();
  });
});
