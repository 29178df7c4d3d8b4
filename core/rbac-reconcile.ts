// Reconciliation of the default RBAC objects at start, as kube-apiserver does for its bootstrap
// policy (pkg/registry/rbac/reconciliation, called without removing extras): expected labels,
// annotations, aggregation selectors, rules and subjects are added when missing; whatever a
// user added stays. An object annotated autoupdate "false" is the user's and is left alone.
import type { AggregationRule, ClusterRole, ClusterRoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual, wireCopy } from './machinery/json-value';
import { uncoveredRules } from './apiserver/authz/rule-covers';

export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';

export type Reconciliation<T> =
  | { op: 'none' }
  /** Written over the existing object. */
  | { op: 'update'; object: T }
  /** The roleRef of a binding cannot change: deleted and created again. */
  | { op: 'recreate'; object: T };

export const isProtected = (o: { metadata?: { annotations?: Record<string, string> } }) => o.metadata?.annotations?.[AUTOUPDATE_ANNOTATION] === 'false';

/** Expected entries where the existing object has none; the existing value wins on a clash. */
function mergeMaps(expected: Record<string, string> | undefined, existing: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!expected && !existing) return undefined;
  return { ...expected, ...existing };
}

/** Labels and annotations merged; true when that changed anything. */
function mergeMetadata(result: ClusterRole | ClusterRoleBinding, expected: ClusterRole | ClusterRoleBinding): boolean {
  const meta = (result.metadata ??= {});
  const before = { labels: meta.labels, annotations: meta.annotations };
  const labels = mergeMaps(expected.metadata?.labels, meta.labels);
  const annotations = mergeMaps(expected.metadata?.annotations, meta.annotations);
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  return !deepEqual(before.labels, meta.labels) || !deepEqual(before.annotations, meta.annotations);
}

function mergeAggregation(existing: AggregationRule | undefined, expected: AggregationRule): AggregationRule | undefined {
  const have: LabelSelector[] = existing?.clusterRoleSelectors ?? [];
  const missing = (expected.clusterRoleSelectors ?? []).filter((s) => !have.some((h) => deepEqual(h, s)));
  return missing.length ? { clusterRoleSelectors: [...have, ...missing] } : undefined;
}

export function reconcileClusterRole(existing: ClusterRole, expected: ClusterRole): Reconciliation<ClusterRole> {
  if (isProtected(existing)) return { op: 'none' };
  const result = wireCopy(existing) as ClusterRole;
  let changed = mergeMetadata(result, expected);
  if (expected.aggregationRule) {
    const merged = mergeAggregation(existing.aggregationRule, expected.aggregationRule);
    if (merged) {
      result.aggregationRule = merged;
      changed = true;
    }
  }
  const missing = uncoveredRules(existing.rules ?? [], expected.rules ?? []);
  if (missing.length) {
    result.rules = [...(existing.rules ?? []), ...missing];
    changed = true;
  }
  return changed ? { op: 'update', object: result } : { op: 'none' };
}

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '') && (a.apiGroup ?? '') === (b.apiGroup ?? '');

export function reconcileClusterRoleBinding(existing: ClusterRoleBinding, expected: ClusterRoleBinding): Reconciliation<ClusterRoleBinding> {
  if (isProtected(existing)) return { op: 'none' };
  const result = wireCopy(existing) as ClusterRoleBinding;
  let changed = mergeMetadata(result, expected);
  const have = existing.subjects ?? [];
  const missing = (expected.subjects ?? []).filter((s) => !have.some((h) => sameSubject(h, s)));
  if (missing.length) {
    result.subjects = [...have, ...missing];
    changed = true;
  }
  if (!deepEqual(existing.roleRef, expected.roleRef)) return { op: 'recreate', object: { ...result, roleRef: expected.roleRef } };
  return changed ? { op: 'update', object: result } : { op: 'none' };
}
