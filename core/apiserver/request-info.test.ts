import { describe, expect, it } from 'vitest';
import { parseResourcePath } from './request-info';

const req = (group: string, version: string, resource: string, rest: { namespace?: string; name?: string; subresource?: string } = {}) => ({
  group,
  version,
  namespace: rest.namespace,
  resource,
  name: rest.name,
  subresource: rest.subresource,
});

describe('parseResourcePath', () => {
  it.each([
    ['/api/v1/pods', req('', 'v1', 'pods')],
    ['/api/v1/nodes/n1', req('', 'v1', 'nodes', { name: 'n1' })],
    ['/api/v1/namespaces/default/pods', req('', 'v1', 'pods', { namespace: 'default' })],
    ['/api/v1/namespaces/default/pods/web/log', req('', 'v1', 'pods', { namespace: 'default', name: 'web', subresource: 'log' })],
    ['/apis/apps/v1/namespaces/ns/deployments/web/scale', req('apps', 'v1', 'deployments', { namespace: 'ns', name: 'web', subresource: 'scale' })],
    ['/apis/rbac.authorization.k8s.io/v1/clusterroles', req('rbac.authorization.k8s.io', 'v1', 'clusterroles')],
    // The namespace object itself, and its own subresources.
    ['/api/v1/namespaces', req('', 'v1', 'namespaces')],
    ['/api/v1/namespaces/team', req('', 'v1', 'namespaces', { name: 'team' })],
    ['/api/v1/namespaces/team/finalize', req('', 'v1', 'namespaces', { name: 'team', subresource: 'finalize' })],
    ['/api/v1/namespaces/team/status', req('', 'v1', 'namespaces', { name: 'team', subresource: 'status' })],
    // Empty segments are ignored and segments are percent-decoded.
    ['//api//v1/namespaces/default/configmaps/', req('', 'v1', 'configmaps', { namespace: 'default' })],
    ['/api/v1/namespaces/default/configmaps/a%3Ab', req('', 'v1', 'configmaps', { namespace: 'default', name: 'a:b' })],
  ])('%s', (path, expected) => {
    expect(parseResourcePath(path)).toEqual(expected);
  });

  it.each(['/', '/api', '/api/v1', '/apis/apps', '/apis/apps/v1', '/healthz', '/version', '/api/v1/namespaces/default/pods/web/log/extra', '/apis/apps/v1/deployments/a/b/c'])(
    'addresses no resource: %s',
    (path) => {
      expect(parseResourcePath(path)).toBeUndefined();
    },
  );
});
