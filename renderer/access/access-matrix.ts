// Who may do what, resource by verb: from a SelfSubjectRulesReview's rules (the current user,
// namespaced resources) or from one access review per cell (cluster-scoped resources, and any
// ServiceAccount), as kubectl auth can-i --list and can-i answer.
import type { ResourceKind } from '../kube/resources';

export const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;
export type Verb = (typeof VERBS)[number];

/** 'some': allowed only on named objects (the rule lists resourceNames). */
export type Verdict = 'yes' | 'no' | 'some';

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

const has = (list: string[] | undefined, value: string) => !!list && (list.includes('*') || list.includes(value));

/** The verdict the rules give for a verb on a resource of a group. */
export function verdictFromRules(rules: ResourceRule[], group: string, resource: string, verb: Verb): Verdict {
  let verdict: Verdict = 'no';
  for (const rule of rules) {
    if (!has(rule.verbs, verb) || !has(rule.apiGroups, group) || !has(rule.resources, resource)) continue;
    if (!rule.resourceNames?.length) return 'yes';
    verdict = 'some';
  }
  return verdict;
}

export interface ReviewCell {
  kind: ResourceKind;
  verb: Verb;
}

/** The resourceAttributes of an access review for a cell. */
export function reviewAttributes(cell: ReviewCell, namespace: string): Record<string, string> {
  const attrs: Record<string, string> = { verb: cell.verb, group: cell.kind.group, resource: cell.kind.resource };
  if (cell.kind.namespaced) attrs.namespace = namespace;
  return attrs;
}

/** What the API server's authenticator gives a ServiceAccount's token: its user and groups. */
export function serviceAccountSubject(namespace: string, name: string): { user: string; groups: string[] } {
  return { user: `system:serviceaccount:${namespace}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'] };
}

/** Runs the tasks with at most `limit` in flight, results in task order. */
export async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
