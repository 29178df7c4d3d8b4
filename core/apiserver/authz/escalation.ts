// RBAC escalation prevention (Kubernetes' ConfirmNoEscalation): a user may only grant, through a
// role they write or a role they bind, permissions they already hold. The refusal lists the
// missing rules in Kubernetes' words, so the user sees exactly what they lack.
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { UserInfo } from '../../registry/generic/resource-store';
import type { RbacAuthorizer } from './rbac-authorizer';
import { goQuote, goQuoteList } from '../../machinery/go-quote';
import { uncoveredRules } from './rule-covers';

/** Why user may not grant rules in namespace (undefined: they hold them all). */
export function escalationError(rbac: RbacAuthorizer, user: UserInfo, namespace: string | undefined, rules: PolicyRule[]): string | undefined {
  const missing = uncoveredRules(rbac.rulesFor(user, namespace), rules);
  if (!missing.length) return undefined;
  const described = [...new Set(compactRules(missing).map(compactString))].sort();
  return `user ${goQuote(user.username)} (groups=${goQuoteList(user.groups)}) is attempting to grant RBAC permissions not currently held:\n${described.join('\n')}`;
}

/**
 * Rules of one group, resource and (at most one) resource name that differ only by verb become
 * one rule (CompactRules): get and update on configmap "a" print as one line.
 */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const simple = new Map<string, PolicyRule>();
  const others: PolicyRule[] = [];
  for (const r of rules) {
    const key = simpleKey(r);
    if (key === undefined) {
      others.push(r);
      continue;
    }
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...(r.verbs ?? [])];
    else simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
  }
  return [...others, ...simple.values()];
}

/** The merge key of a rule with one group, one resource and at most one name; undefined for others. */
function simpleKey(r: PolicyRule): string | undefined {
  if ((r.resourceNames?.length ?? 0) > 1 || r.nonResourceURLs?.length) return undefined;
  if (r.apiGroups?.length !== 1 || r.resources?.length !== 1) return undefined;
  // "No name" and the empty name "" are different keys, as in Kubernetes.
  const name = r.resourceNames?.length ? [r.resourceNames[0]] : [];
  return JSON.stringify([r.apiGroups[0], r.resources[0], ...name]);
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
    .map(([k, v]) => `${k}:${goQuoteList(v!)}`)
    .join(', ')}}`;
}
