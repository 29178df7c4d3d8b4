// The rolling-update arithmetic of deployment/util: maxSurge rounds percentages up,
// maxUnavailable rounds them down, and both resolving to zero means one may be unavailable.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { MAX_REPLICAS_ANNOTATION, intAnnotation } from './annotations';

type IntOrString = number | string | undefined;

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    const n = Number(v);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export const replicasOf = (d: Deployment) => d.spec?.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSet | undefined) => rs?.spec?.replicas ?? 0;
export const isRollingUpdate = (d: Deployment) => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** [maxSurge, maxUnavailable] for desired replicas (ResolveFenceposts). */
export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

function fenceposts(d: Deployment): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d));
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d)[1], replicasOf(d));
}

export const sumReplicas = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + rsReplicas(rs), 0);
export const sumStatus = (sets: ReplicaSet[], field: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
  sets.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);

/** The new ReplicaSet's size for this step of the rollout (NewRSNewReplicas). */
export function newRSNewReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const maxTotal = replicasOf(d) + scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, replicasOf(d), true);
  const current = sumReplicas(allRSs);
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
}

/** Go's math.Round: halves away from zero. */
const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/** How much of a proportional scaling one ReplicaSet takes (GetProportion). */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (replicasOf(d) === 0) fraction = -rsReplicas(rs);
  else {
    const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
    fraction = roundHalfAway((rsReplicas(rs) * (replicasOf(d) + maxSurge(d))) / annotated) - rsReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
