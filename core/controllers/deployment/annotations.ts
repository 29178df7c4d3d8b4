// The annotations the Deployment controller keeps on ReplicaSets and Deployments: revisions
// (and the revisions a rolled-back ReplicaSet served before), desired and max replicas, and
// the Deployment's own annotations copied onto its new ReplicaSet (kubectl's change-cause).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../machinery/object';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** Revision history is capped at this many characters (maxRevHistoryLengthInChars). */
const MAX_REVISION_HISTORY_CHARS = 2000;

const NOT_COPIED = new Set([LAST_APPLIED, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

export function intAnnotation(obj: { metadata?: { annotations?: Record<string, string> } }, key: string): number | undefined {
  const v = obj.metadata?.annotations?.[key];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

/** The revision a ReplicaSet records; 0 without one. */
export const revisionOf = (rs: ReplicaSet) => intAnnotation(rs, REVISION_ANNOTATION) ?? 0;

export const maxRevision = (sets: ReplicaSet[]) => sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

function annotationsOf(obj: KubeObject): Record<string, string> {
  return (obj.metadata.annotations ??= {});
}

/** Sets desired and max replicas; true if they changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = annotationsOf(rs);
  let changed = false;
  for (const [k, v] of [
    [DESIRED_REPLICAS_ANNOTATION, String(desired)],
    [MAX_REPLICAS_ANNOTATION, String(max)],
  ] as const) {
    if (a[k] !== v) {
      a[k] = v;
      changed = true;
    }
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * Brings the new ReplicaSet's annotations up to date (SetNewReplicaSetAnnotations): the
 * Deployment's own annotations, the new revision (a set that already had an older revision is
 * being rolled back to, so that one joins its revision history), and on creation the replica
 * annotations. True if anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: KubeObject, newRevision: number, exists: boolean, surge: number): boolean {
  const a = annotationsOf(rs);
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (NOT_COPIED.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const old = a[REVISION_ANNOTATION];
  if (old !== undefined && !/^-?\d+$/.test(old)) return false;
  const oldRevision = old === undefined ? 0 : Number(old);
  if (oldRevision < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (old !== undefined) appendRevisionHistory(a, old);
  }
  const replicas = d.spec?.replicas ?? 1;
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + surge)) changed = true;
  return changed;
}

function appendRevisionHistory(a: Record<string, string>, revision: string): void {
  const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
  if (!history) {
    a[REVISION_HISTORY_ANNOTATION] = revision;
    return;
  }
  const entries = history.split(',');
  let length = history.length + revision.length + 1;
  let start = 0;
  while (length > MAX_REVISION_HISTORY_CHARS && start < entries.length) length -= entries[start++]!.length + 1;
  if (length <= MAX_REVISION_HISTORY_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...entries.slice(start), revision].join(',');
}
