// A Deployment's ReplicaSets: which one is new (its template equals the Deployment's apart
// from pod-template-hash), which are old, and the orders the controller walks them in.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import { revisionOf } from './annotations';
import { rsReplicas } from './replica-math';

export const HASH_LABEL = 'pod-template-hash';

export type RS = Kube<ReplicaSet>;

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(t ?? {});
  const labels = copy.metadata?.labels;
  if (labels) {
    delete labels[HASH_LABEL];
    if (Object.keys(labels).length === 0) delete copy.metadata!.labels;
  }
  return copy;
}

/** EqualIgnoreHash: both templates come through the same defaulting, so JSON equality is semantic. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

const created = (rs: RS) => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;

/** ReplicaSetsByCreationTimestamp: oldest first, names breaking ties. */
export function byCreation(a: RS, b: RS): number {
  return created(a) - created(b) || (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0);
}

/** ReplicaSetsBySizeNewer: largest first, newer first among equals (where scaling up goes first). */
export const bySizeNewer = (a: RS, b: RS) => rsReplicas(b) - rsReplicas(a) || byCreation(b, a);
/** ReplicaSetsBySizeOlder: largest first, older first among equals (where scaling down goes first). */
export const bySizeOlder = (a: RS, b: RS) => rsReplicas(b) - rsReplicas(a) || byCreation(a, b);
/** ReplicaSetsByRevision: lowest revision first. */
export const byRevision = (a: RS, b: RS) => revisionOf(a) - revisionOf(b) || byCreation(a, b);

/** The oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, sets: RS[]): RS | undefined {
  return [...sets].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function findOldReplicaSets(d: Deployment, sets: RS[]): RS[] {
  const current = findNewReplicaSet(d, sets);
  return sets.filter((rs) => rs.metadata.uid !== current?.metadata.uid);
}

export const filterActive = (sets: Array<RS | undefined>): RS[] => sets.filter((rs): rs is RS => !!rs && rsReplicas(rs) > 0);

/** The one active set, or the newest when none is; undefined when several are active. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: RS[]): RS | undefined {
  const active = filterActive([...[...oldRSs].sort(byCreation).reverse(), newRS]);
  if (active.length === 0) return newRS ?? [...oldRSs].sort(byCreation).reverse()[0];
  return active.length === 1 ? active[0] : undefined;
}
