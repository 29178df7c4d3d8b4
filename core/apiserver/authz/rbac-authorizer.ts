// RBAC authorization, as Kubernetes' RBAC authorizer: a request is allowed when a rule of a
// role bound to the user (by a ClusterRoleBinding, or a RoleBinding in the request's
// namespace) covers it. Members of system:masters are allowed everything.
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { UserInfo } from '../../registry/generic/resource-store';
import { goQuote } from '../../machinery/go-quote';
import { forbidden, type ApiError } from '../../machinery/status';

export interface RequestAttributes {
  verb: string;
  /** Resource requests. */
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Non-resource requests: the URL path. */
  path?: string;
}

export interface RbacSource {
  clusterRoleBindings(): Iterable<ClusterRoleBinding>;
  roleBindings(namespace: string): Iterable<RoleBinding>;
  clusterRole(name: string): ClusterRole | undefined;
  role(namespace: string, name: string): Role | undefined;
}

export interface Decision {
  allowed: boolean;
  reason?: string;
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string | undefined): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user.username;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace;
      return user.username === `system:serviceaccount:${ns}:${s.name}`;
    }
  }
  return false;
}

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

function resourceMatches(rule: PolicyRule, a: RequestAttributes): boolean {
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource!;
  const resources = rule.resources ?? [];
  const resourceOk =
    resources.includes('*') ||
    resources.includes(combined) ||
    (a.subresource !== undefined && resources.includes(`*/${a.subresource}`));
  if (!resourceOk) return false;
  if (!rule.resourceNames?.length) return true;
  return !!a.name && rule.resourceNames.includes(a.name);
}

function pathMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

export function ruleAllows(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.resourceRequest) return has(rule.apiGroups, a.apiGroup ?? '') && resourceMatches(rule, a);
  return pathMatches(rule, a.path ?? '');
}

export class RbacAuthorizer {
  constructor(private readonly source: RbacSource) {}

  /** Every rule that applies to the user in namespace (cluster-wide rules included). */
  rulesFor(user: UserInfo, namespace: string | undefined): PolicyRule[] {
    const rules: PolicyRule[] = [];
    for (const b of this.source.clusterRoleBindings()) {
      if (!(b.subjects ?? []).some((s) => subjectMatches(s, user, undefined))) continue;
      rules.push(...(this.roleRefRules(b.roleRef, undefined) ?? []));
    }
    if (namespace) {
      for (const b of this.source.roleBindings(namespace)) {
        if (!(b.subjects ?? []).some((s) => subjectMatches(s, user, namespace))) continue;
        rules.push(...(this.roleRefRules(b.roleRef, namespace) ?? []));
      }
    }
    return rules;
  }

  /** The rules of the role a binding in namespace (undefined: cluster-wide) points at; undefined when it is missing. */
  roleRefRules(ref: RoleRef, namespace: string | undefined): PolicyRule[] | undefined {
    const role = ref.kind === 'ClusterRole' ? this.source.clusterRole(ref.name) : namespace ? this.source.role(namespace, ref.name) : undefined;
    return role && (role.rules ?? []);
  }

  authorize(user: UserInfo, a: RequestAttributes): Decision {
    if (user.groups.includes('system:masters')) return { allowed: true };
    const allowed = this.rulesFor(user, a.namespace).some((r) => ruleAllows(r, a));
    return allowed ? { allowed: true, reason: 'allowed by RBAC' } : { allowed: false };
  }
}

/** Why a request is denied, in Kubernetes' words (responsewriters' forbiddenMessage). */
function forbiddenMessage(user: UserInfo, a: RequestAttributes): string {
  if (!a.resourceRequest) return `User ${goQuote(user.username)} cannot ${a.verb} path ${goQuote(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource!;
  const scope = a.namespace ? `in the namespace ${goQuote(a.namespace)}` : 'at the cluster scope';
  return `User ${goQuote(user.username)} cannot ${a.verb} resource ${goQuote(resource)} in API group ${goQuote(a.apiGroup ?? '')} ${scope}`;
}

/** The 403 of a denied request: the message, then the authorizer's reason if it gave one. */
export function forbiddenError(user: UserInfo, a: RequestAttributes, reason?: string): ApiError {
  const why = forbiddenMessage(user, a) + (reason ? `: ${reason}` : '');
  const resource = a.resourceRequest ? { group: a.apiGroup ?? '', plural: a.resource ?? '' } : { group: '', plural: '' };
  return forbidden(resource, a.resourceRequest ? (a.name ?? '') : '', why);
}
