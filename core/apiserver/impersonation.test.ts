import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { impersonatedUser } from './impersonation';
import type { RequestAttributes } from './authz/rbac-authorizer';
import type { UserInfo } from '../registry/generic/resource-store';
import { ApiError } from '../machinery/status';

const admin: UserInfo = { username: 'admin', groups: ['system:masters', 'system:authenticated'] };
/** The three views Node gives of a message's headers, agreeing as on the wire. */
function request(headers: Record<string, string[]>): IncomingMessage {
  const entries = Object.entries(headers);
  return {
    rawHeaders: entries.flatMap(([name, values]) => values.flatMap((v) => [name, v])),
    headersDistinct: Object.fromEntries(entries.map(([name, values]) => [name.toLowerCase(), values])),
    headers: Object.fromEntries(entries.map(([name, values]) => [name.toLowerCase(), values.join(', ')])),
  } as unknown as IncomingMessage;
}

/** Allows everything and records what was asked. */
function recorder() {
  const asked: RequestAttributes[] = [];
  return { asked, authorize: (_u: UserInfo, a: RequestAttributes) => (asked.push(a), { allowed: true }) };
}

function thrown(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('impersonatedUser', () => {
  it('is the authenticated user without impersonation headers', () => {
    expect(impersonatedUser(request({}), admin, undefined)).toBe(admin);
  });

  it('impersonates a user, adding system:authenticated, after checking impersonate on users', () => {
    const r = recorder();
    expect(impersonatedUser(request({ 'impersonate-user': ['jane'] }), admin, r.authorize)).toEqual({ username: 'jane', groups: ['system:authenticated'] });
    expect(r.asked).toEqual([{ verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'users', name: 'jane' }]);
  });

  it('gives a service account its groups and checks impersonate on it in its namespace', () => {
    const r = recorder();
    expect(impersonatedUser(request({ 'impersonate-user': ['system:serviceaccount:default:viewer'] }), admin, r.authorize)).toEqual({
      username: 'system:serviceaccount:default:viewer',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
    });
    expect(r.asked).toEqual([{ verb: 'impersonate', resourceRequest: true, apiGroup: '', resource: 'serviceaccounts', namespace: 'default', name: 'viewer' }]);
  });

  it('takes groups, uid and extras as given, each checked', () => {
    const r = recorder();
    const user = impersonatedUser(
      request({ 'impersonate-user': ['jane'], 'impersonate-group': ['a', 'b'], 'impersonate-uid': ['u-1'], 'impersonate-extra-my%2fscope': ['x', 'y'] }),
      admin,
      r.authorize,
    );
    expect(user).toEqual({ username: 'jane', uid: 'u-1', groups: ['a', 'b', 'system:authenticated'], extra: { 'my/scope': ['x', 'y'] } });
    expect(r.asked.map((a) => [a.resource, a.subresource, a.name])).toEqual([
      ['users', undefined, 'jane'],
      ['groups', undefined, 'a'],
      ['groups', undefined, 'b'],
      ['userextras', 'my/scope', 'x'],
      ['userextras', 'my/scope', 'y'],
      ['uids', undefined, 'u-1'],
    ]);
  });

  it('removes the impersonation headers once used, and only those', () => {
    const req = request({ 'Impersonate-User': ['jane'], 'Impersonate-Group': ['a'], 'Impersonate-Uid': ['u'], 'Impersonate-Extra-Scopes': ['s'], Accept: ['application/json'] });
    impersonatedUser(req, admin, undefined);
    expect(req.headers).toEqual({ accept: 'application/json' });
    expect(req.headersDistinct).toEqual({ accept: ['application/json'] });
    expect(req.rawHeaders).toEqual(['Accept', 'application/json']);
  });

  it('keeps system:unauthenticated for system:anonymous and does not add system:authenticated', () => {
    expect(impersonatedUser(request({ 'impersonate-user': ['system:anonymous'] }), admin, undefined)).toEqual({
      username: 'system:anonymous',
      groups: ['system:unauthenticated'],
    });
  });

  it('refuses a group without a user (400)', () => {
    const e = thrown(() => impersonatedUser(request({ 'impersonate-group': ['system:masters'] }), admin, undefined));
    expect([e.code, e.reason, e.message]).toEqual([400, 'BadRequest', 'requested [{Group  system:masters    }] without impersonating a user']);
  });

  it('refuses what the requestor may not impersonate (403, as the real API server words it)', () => {
    const deny = () => ({ allowed: false });
    const jane: UserInfo = { username: 'jane', groups: ['system:authenticated'] };
    const sa = thrown(() => impersonatedUser(request({ 'impersonate-user': ['system:serviceaccount:default:viewer'] }), jane, deny));
    expect([sa.code, sa.reason, sa.message]).toEqual([
      403,
      'Forbidden',
      'serviceaccounts "viewer" is forbidden: User "jane" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "default"',
    ]);
    expect(sa.details).toEqual({ name: 'viewer', kind: 'serviceaccounts' });
    const extra = thrown(() => impersonatedUser(request({ 'impersonate-user': ['bob'], 'impersonate-extra-scopes': ['s'] }), jane, (_u, a) => ({ allowed: a.resource === 'users' })));
    expect(extra.message).toBe(
      'userextras.authentication.k8s.io "s" is forbidden: User "jane" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope',
    );
  });
});
