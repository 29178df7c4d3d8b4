import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { explained, explainError, targetOf } from './api-errors';

describe('targetOf', () => {
  it.each([
    { path: '/api/v1/pods', want: { verb: 'list', resource: 'pods', group: '', namespace: undefined, name: undefined } },
    { path: '/api/v1/namespaces/x/secrets', want: { verb: 'list', resource: 'secrets', group: '', namespace: 'x', name: undefined } },
    { path: '/api/v1/namespaces', want: { verb: 'list', resource: 'namespaces', group: '', namespace: undefined, name: undefined } },
    { path: '/api/v1/namespaces/kube-system', want: { verb: 'list', resource: 'namespaces', group: '', namespace: undefined, name: 'kube-system' } },
    {
      path: '/apis/apps/v1/namespaces/d/deployments/web/scale',
      want: { verb: 'list', resource: 'deployments/scale', group: 'apps', namespace: 'd', name: 'web' },
    },
  ])('$path', ({ path, want }) => expect(targetOf('list', path)).toEqual(want));
});

describe('explainError', () => {
  it('names the missing permission of a forbidden list', () => {
    const err = new ApiError(403, 'secrets is forbidden: User "u" cannot list resource "secrets"', 'Forbidden');
    expect(explainError(err, targetOf('list', '/api/v1/namespaces/x/secrets'))).toBe(
      'You may not list secrets in namespace x: ask for the list verb on secrets.',
    );
    expect(explainError(err, targetOf('delete', '/apis/apps/v1/namespaces/x/deployments/web'))).toBe(
      'You may not delete deployments web in namespace x: ask for the delete verb on deployments.apps.',
    );
  });

  it('says what is gone and what is not served', () => {
    const err = new ApiError(404, 'not found', 'NotFound');
    expect(explainError(err, targetOf('get', '/api/v1/namespaces/x/pods/p'))).toMatch(/^pods p in namespace x does not exist/);
    expect(explainError(err, targetOf('list', '/apis/example.com/v1/widgets'))).toBe('This cluster does not serve widgets.example.com: its API is not installed.');
  });

  it('tells a taken name from an edit conflict', () => {
    const taken = new ApiError(409, 'namespaces "default" already exists', 'AlreadyExists');
    expect(explainError(taken, targetOf('create', '/api/v1/namespaces'))).toBe('namespaces "default" already exists: choose another name.');
    const stale = new ApiError(409, 'the object has been modified', 'Conflict');
    expect(explainError(stale, targetOf('update', '/api/v1/namespaces/x/configmaps/c'))).toMatch(/^Conflict: .* Reload the object/);
  });

  it('says an unreachable cluster cannot be reached', () => {
    expect(explainError(new Error('connect ECONNREFUSED 127.0.0.1:6443'), targetOf('list', '/api/v1/pods'))).toMatch(
      /^Cannot reach the cluster \(connect ECONNREFUSED 127.0.0.1:6443\)/,
    );
  });
});

describe('explained', () => {
  it('keeps the HTTP code, so a 410 is still a 410', async () => {
    const failure = explained('list', '/api/v1/pods', () => Promise.reject(new ApiError(410, 'too old', 'Expired')));
    await expect(failure).rejects.toMatchObject({ code: 410 });
  });
});
