// RBAC escalation prevention (Kubernetes' ConfirmNoEscalation): a user may only grant, through a
// role they write or a role they bind, permissions they already hold. The refusal lists the
// missing rules in Kubernetes' words, so the user sees exactly what they lack.
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { UserInfo } from '../../registry/generic/resource-store';
import type { RbacAuthorizer } from './rbac-authorizer';
import { uncoveredRules } from './rule-covers';

/** Why user may not grant rules in namespace (undefined: they hold them all). */
export function escalationError(rbac: RbacAuthorizer, user: UserInfo, namespace: string | undefined, rules: PolicyRule[]): string | undefined {
  const missing = uncoveredRules(rbac.rulesFor(user, namespace), rules);
  if (!missing.length) return undefined;
  const described = [...new Set(compactRules(missing).map(compactString))].sort();
  return `user ${goQuote(user.username)} (groups=${goQuote(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${described.join('\n')}`;
}

/** Rules of one group and resource that differ only by verb become one rule (CompactRules). */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const simple = new Map<string, PolicyRule>();
  const others: PolicyRule[] = [];
  for (const r of rules) {
    const isSimple = !r.resourceNames?.length && !r.nonResourceURLs?.length && r.apiGroups?.length === 1 && r.resources?.length === 1;
    if (!isSimple) {
      others.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0]]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs];
    else simple.set(key, { apiGroups: r.apiGroups, resources: r.resources, verbs: [...r.verbs] });
  }
  return [...others, ...simple.values()];
}

/** `{APIGroups:["apps"], Resources:["deployments"], Verbs:["get" "list"]}`, as Go prints a rule. */
export function compactString(r: PolicyRule): string {
  const parts: Array<[string, string[] | undefined]> = [
    ['APIGroups', r.apiGroups],
    ['Resources', r.resources],
    ['NonResourceURLs', r.nonResourceURLs],
    ['ResourceNames', r.resourceNames],
    ['Verbs', r.verbs],
  ];
  return `{${parts
    .filter(([, v]) => v?.length)
    .map(([k, v]) => `${k}:${goQuote(v!)}`)
    .join(', ')}}`;
}

/** Go's %q: a quoted string, or a list of them in brackets separated by spaces. */
function goQuote(v: string | string[]): string {
  return Array.isArray(v) ? `[${v.map((s) => JSON.stringify(s)).join(' ')}]` : JSON.stringify(v);
}
