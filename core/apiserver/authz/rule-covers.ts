// Whether one set of RBAC rules covers another (Kubernetes' validation.Covers): each wanted rule
// is broken into single-verb, single-resource, single-name rules, and every piece must be
// covered by one held rule. Used to stop a user granting permissions they do not hold.
import type { PolicyRule } from 'kubernetes-types/rbac/v1';

/** The pieces of wanted that held does not cover (empty: covered). */
export function uncoveredRules(held: PolicyRule[], wanted: PolicyRule[]): PolicyRule[] {
  return wanted.flatMap(breakdownRule).filter((piece) => !held.some((h) => ruleCovers(h, piece)));
}

/** One rule per group, resource, verb and name; one per URL and verb. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  // Escalation is checked before validation, so a rule may still lack its verbs.
  const verbs = rule.verbs ?? [];
  const pieces: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of verbs) {
        const base = { apiGroups: [group], resources: [resource], verbs: [verb] };
        if (rule.resourceNames?.length) for (const name of rule.resourceNames) pieces.push({ ...base, resourceNames: [name] });
        else pieces.push(base);
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of verbs) pieces.push({ nonResourceURLs: [url], verbs: [verb] });
  return pieces;
}

const hasAll = (set: string[] | undefined, wanted: string[] | undefined) => (wanted ?? []).every((w) => (set ?? []).includes(w));
const hasOrStar = (set: string[] | undefined, wanted: string[] | undefined) => !!set?.includes('*') || hasAll(set, wanted);

/** A held "*\/scale" covers "deployments/scale"; a held "*" covers everything. */
function resourcesCovered(held: string[] | undefined, wanted: string[] | undefined): boolean {
  if (hasOrStar(held, wanted)) return true;
  return (wanted ?? []).every((r) => {
    if (held?.includes(r)) return true;
    const slash = r.indexOf('/');
    return slash >= 0 && !!held?.includes(`*/${r.slice(slash + 1)}`);
  });
}

const urlCovered = (held: string, wanted: string) => held === wanted || (held.endsWith('*') && wanted.startsWith(held.replace(/\*+$/, '')));

function ruleCovers(held: PolicyRule, piece: PolicyRule): boolean {
  const namesCovered = !held.resourceNames?.length || (!!piece.resourceNames?.length && hasAll(held.resourceNames, piece.resourceNames));
  return (
    hasOrStar(held.verbs, piece.verbs) &&
    hasOrStar(held.apiGroups, piece.apiGroups) &&
    resourcesCovered(held.resources, piece.resources) &&
    (piece.nonResourceURLs ?? []).every((u) => (held.nonResourceURLs ?? []).some((h) => urlCovered(h, u))) &&
    namesCovered
  );
}
