// A Deployment's rollout history, read as kubectl rollout history reads it: the ReplicaSets it
// controls, each carrying its revision and change cause.
import type { KubeObject } from '../../kube/kube-object';
import { CHANGE_CAUSE, REVISION } from './rollout';

export interface Revision {
  revision: number;
  changeCause?: string;
  created?: string;
  /** The ReplicaSet (or ControllerRevision) holding it. */
  source: KubeObject;
}

/** The ReplicaSets the Deployment controls (by controller owner reference), newest revision first. */
export function deploymentRevisions(deployment: KubeObject, replicaSets: KubeObject[]): Revision[] {
  const uid = deployment.metadata?.uid;
  return replicaSets
    .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid))
    .map((rs) => ({
      revision: Number(rs.metadata?.annotations?.[REVISION] ?? 0),
      changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE],
      created: rs.metadata?.creationTimestamp,
      source: rs,
    }))
    .filter((r) => Number.isInteger(r.revision) && r.revision > 0)
    .sort((a, b) => b.revision - a.revision);
}

/** ControllerRevisions of a StatefulSet or DaemonSet, newest first (their revision field). */
export function controllerRevisions(owner: KubeObject, revisions: KubeObject[]): Revision[] {
  const uid = owner.metadata?.uid;
  return revisions
    .filter((cr) => cr.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid))
    .map((cr) => ({
      revision: Number((cr as { revision?: number }).revision ?? 0),
      changeCause: cr.metadata?.annotations?.[CHANGE_CAUSE],
      created: cr.metadata?.creationTimestamp,
      source: cr,
    }))
    .sort((a, b) => b.revision - a.revision);
}
