// The API calls behind the access table: one SelfSubjectRulesReview for the current user's
// namespaced permissions, and access reviews, at most 16 in flight, for the rest.
import { kubeRequest } from '../kube/api';
import { explained } from '../kube/api-errors';
import type { ResourceKind } from '../kube/resources';
import { reviewAttributes, runBounded, serviceAccountSubject, VERBS, verdictFromRules, type ResourceRule, type ReviewCell, type Verdict, type Verb } from './access-matrix';

export type Subject = { kind: 'self' } | { kind: 'serviceaccount'; namespace: string; name: string };
export type AccessTable = Map<string, Record<Verb, Verdict>>;

const IN_FLIGHT = 16;
const GROUP = '/apis/authorization.k8s.io/v1';

async function review(resource: string, spec: Record<string, unknown>): Promise<Verdict> {
  const path = `${GROUP}/${resource}`;
  const body = { apiVersion: 'authorization.k8s.io/v1', kind: resource === 'subjectaccessreviews' ? 'SubjectAccessReview' : 'SelfSubjectAccessReview', spec };
  const answer = await explained('create', path, () => kubeRequest<{ status?: { allowed?: boolean } }>({ method: 'POST', path, body }));
  return answer.status?.allowed ? 'yes' : 'no';
}

async function selfRules(namespace: string): Promise<ResourceRule[]> {
  const path = `${GROUP}/selfsubjectrulesreviews`;
  const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } };
  const answer = await explained('create', path, () => kubeRequest<{ status?: { resourceRules?: ResourceRule[] } }>({ method: 'POST', path, body }));
  return answer.status?.resourceRules ?? [];
}

/** The verdict of every verb on every kind, keyed by kind id. */
export async function loadAccess(subject: Subject, kinds: ResourceKind[], namespace: string): Promise<AccessTable> {
  const table: AccessTable = new Map(kinds.map((k) => [k.id, Object.fromEntries(VERBS.map((v) => [v, 'no'])) as Record<Verb, Verdict>]));
  const cells: ReviewCell[] = [];
  if (subject.kind === 'self') {
    // Rules cover the namespace; cluster-scoped resources need a review of their own, since
    // rules from a RoleBinding grant nothing on them.
    const rules = await selfRules(namespace);
    for (const kind of kinds) {
      for (const verb of VERBS) {
        if (kind.namespaced) table.get(kind.id)![verb] = verdictFromRules(rules, kind.group, kind.resource, verb);
        else cells.push({ kind, verb });
      }
    }
  } else {
    for (const kind of kinds) for (const verb of VERBS) cells.push({ kind, verb });
  }
  const who = subject.kind === 'serviceaccount' ? serviceAccountSubject(subject.namespace, subject.name) : undefined;
  const verdicts = await runBounded(
    cells.map((cell) => () => {
      const resourceAttributes = reviewAttributes(cell, namespace);
      return who ? review('subjectaccessreviews', { ...who, resourceAttributes }) : review('selfsubjectaccessreviews', { resourceAttributes });
    }),
    IN_FLIGHT,
  );
  cells.forEach((cell, i) => (table.get(cell.kind.id)![cell.verb] = verdicts[i]!));
  return table;
}
