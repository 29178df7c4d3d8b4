// Impersonation (Kubernetes' WithImpersonation filter): `kubectl --as`, `--as-group`, `--as-uid`
// send Impersonate-User, -Group, -Uid and Impersonate-Extra-<key> headers. Each thing asked
// for must be allowed to the real user by the `impersonate` verb; the request then runs, and is
// authorised, as the impersonated user.
import type { IncomingMessage } from 'node:http';
import type { UserInfo } from '../registry/generic/resource-store';
import { isDNS1123Label, isDNS1123Subdomain } from '../machinery/names';
import { forbiddenError, type Decision, type RequestAttributes } from './authz/rbac-authorizer';
import { badRequest } from '../machinery/status';

type Authorize = (user: UserInfo, attrs: RequestAttributes) => Decision;

/** One thing to impersonate, as Kubernetes' ObjectReference of it (its %v appears in a 400). */
interface Target {
  kind: 'ServiceAccount' | 'User' | 'Group' | 'UserExtra' | 'UID';
  namespace?: string;
  name: string;
  apiVersion?: string;
  /** UserExtra: the extra's key. */
  fieldPath?: string;
}

const EXTRA_PREFIX = 'impersonate-extra-';
const SA_PREFIX = 'system:serviceaccount:';

/**
 * The user the request runs as: the authenticated one, or the one it impersonates. Without an
 * authorizer (an ApiServer built with none allows every request) any impersonation is allowed too.
 */
export function impersonatedUser(req: IncomingMessage, requestor: UserInfo, authorize: Authorize | undefined): UserInfo {
  const targets = impersonationTargets(req);
  if (!targets.length) return requestor;
  dropImpersonationHeaders(req);
  const groupsGiven = targets.some((t) => t.kind === 'Group');
  let username = '';
  let uid: string | undefined;
  let groups: string[] = [];
  const extra: Record<string, string[]> = {};
  for (const t of targets) {
    const attrs = attributesOf(t);
    const decision = authorize?.(requestor, attrs);
    if (decision && !decision.allowed) throw forbiddenError(requestor, attrs, decision.reason);
    switch (t.kind) {
      case 'ServiceAccount':
        username = `${SA_PREFIX}${t.namespace}:${t.name}`;
        // A service account's groups are fixed; given groups replace them.
        if (!groupsGiven) groups = ['system:serviceaccounts', `system:serviceaccounts:${t.namespace}`];
        break;
      case 'User':
        username = t.name;
        break;
      case 'Group':
        groups.push(t.name);
        break;
      case 'UserExtra':
        (extra[t.fieldPath!] ??= []).push(t.name);
        break;
      case 'UID':
        uid = t.name;
    }
  }
  if (username !== 'system:anonymous') {
    if (!groups.includes('system:authenticated') && !groups.includes('system:unauthenticated')) groups.push('system:authenticated');
  } else if (!groups.includes('system:unauthenticated')) {
    groups.push('system:unauthenticated');
  }
  return { username, groups, ...(uid ? { uid } : {}), ...(Object.keys(extra).length ? { extra } : {}) };
}

function impersonationTargets(req: IncomingMessage): Target[] {
  const headers = req.headersDistinct;
  const targets: Target[] = [];
  const user = headers['impersonate-user']?.[0] ?? '';
  if (user) {
    const sa = splitServiceAccount(user);
    targets.push(sa ? { kind: 'ServiceAccount', ...sa } : { kind: 'User', name: user });
  }
  for (const group of headers['impersonate-group'] ?? []) targets.push({ kind: 'Group', name: group });
  for (const [header, values] of Object.entries(headers)) {
    if (!header.startsWith(EXTRA_PREFIX) || !values) continue;
    const key = unescapeKey(header.slice(EXTRA_PREFIX.length));
    for (const v of values) targets.push({ kind: 'UserExtra', apiVersion: 'authentication.k8s.io/v1', name: v, fieldPath: key });
  }
  const uid = headers['impersonate-uid']?.[0] ?? '';
  if (uid) targets.push({ kind: 'UID', name: uid, apiVersion: 'authentication.k8s.io/v1' });
  if (!user && targets.length) throw badRequest(`requested [${targets.map(goObjectReference).join(' ')}] without impersonating a user`);
  return targets;
}

const isImpersonationHeader = (name: string) => {
  const h = name.toLowerCase();
  return h === 'impersonate-user' || h === 'impersonate-group' || h === 'impersonate-uid' || h.startsWith(EXTRA_PREFIX);
};

/** Once used, the headers go, as in Kubernetes: nothing downstream may act on them again. */
function dropImpersonationHeaders(req: IncomingMessage): void {
  for (const h of Object.keys(req.headers)) if (isImpersonationHeader(h)) delete req.headers[h];
  for (const h of Object.keys(req.headersDistinct)) if (isImpersonationHeader(h)) delete req.headersDistinct[h];
  const raw = req.rawHeaders;
  req.rawHeaders = raw.filter((_, i) => !isImpersonationHeader(raw[i - (i % 2)]!));
}

/** What the requestor needs `impersonate` on for t. */
function attributesOf(t: Target): RequestAttributes {
  const base = { verb: 'impersonate', resourceRequest: true, name: t.name };
  switch (t.kind) {
    case 'ServiceAccount':
      return { ...base, apiGroup: '', resource: 'serviceaccounts', namespace: t.namespace };
    case 'User':
      return { ...base, apiGroup: '', resource: 'users' };
    case 'Group':
      return { ...base, apiGroup: '', resource: 'groups' };
    case 'UserExtra':
      return { ...base, apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: t.fieldPath };
    case 'UID':
      return { ...base, apiGroup: 'authentication.k8s.io', resource: 'uids' };
  }
}

/** system:serviceaccount:<namespace>:<name> with a valid namespace and name (SplitUsername). */
function splitServiceAccount(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts as [string, string];
  if (isDNS1123Label(namespace).length || isDNS1123Subdomain(name).length) return undefined;
  return { namespace, name };
}

/** Extra keys may be %-encoded in header names (which cannot hold every character). */
function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** Go's %v of a v1.ObjectReference: its seven fields in order, space-separated. */
function goObjectReference(t: Target): string {
  return `{${[t.kind, t.namespace ?? '', t.name, '', t.apiVersion ?? '', '', t.fieldPath ?? ''].join(' ')}}`;
}
