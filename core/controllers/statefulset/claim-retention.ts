// persistentVolumeClaimRetentionPolicy as owner references on a pod's claims
// (updateClaimOwnerRefForSetAndPod): whenDeleted=Delete makes the set the claim's controller,
// whenScaled=Delete makes a scaled-down pod its controller, so the garbage collector removes
// the claim with them. A claim some other controller owns is left alone.
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Kube } from '../../machinery/object';
import { controllerOf, newControllerRef } from '../replicaset/controller-ref';
import { inOrdinalRange, ordinalOf, type Set } from './pod-identity';

/** The claim's owner references as the policy wants them, or undefined when they are already so. */
export function retentionOwnerRefs(claim: PersistentVolumeClaim, set: Set, pod: Kube<Pod>): OwnerReference[] | undefined {
  const ours = new globalThis.Set([set.metadata.uid, pod.metadata.uid]);
  const current = claim.metadata?.ownerReferences ?? [];
  const controller = controllerOf(claim as Kube<PersistentVolumeClaim>);
  const kept = current.filter((r) => !ours.has(r.uid));
  const refs = [...kept];
  if (!controller || ours.has(controller.uid)) {
    const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
    const scaledDown = !inOrdinalRange(set, ordinalOf(pod));
    if (policy?.whenScaled === 'Delete' && scaledDown) refs.push(newControllerRef(pod, 'v1', 'Pod'));
    else if (policy?.whenDeleted === 'Delete') refs.push(newControllerRef(set, 'apps/v1', 'StatefulSet'));
  }
  const same = refs.length === current.length && refs.every((r) => current.some((c) => c.uid === r.uid && c.controller === r.controller));
  return same ? undefined : refs;
}
