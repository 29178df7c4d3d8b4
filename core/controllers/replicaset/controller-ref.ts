// ControllerRef handling shared by the workload controllers (metav1.GetControllerOf,
// NewControllerRef and the ControllerRefManager's claim): a controller adopts orphans its
// selector matches and releases what it owns but no longer matches.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../machinery/object';

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Adds ref to obj's ownerReferences unless some controller already owns it; false if not adopted. */
export function addControllerRef(obj: KubeObject, ref: OwnerReference): boolean {
  if (controllerOf(obj)) return false;
  obj.metadata.ownerReferences = [...(obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid), ref];
  return true;
}

/** Drops the owner's reference from obj; false when it had none. */
export function removeOwnerRef(obj: KubeObject, ownerUid: string): boolean {
  const refs = obj.metadata.ownerReferences ?? [];
  const kept = refs.filter((r) => r.uid !== ownerUid);
  if (kept.length === refs.length) return false;
  if (kept.length) obj.metadata.ownerReferences = kept;
  else delete obj.metadata.ownerReferences;
  return true;
}

export interface ClaimActions<T extends KubeObject> {
  /** Whether the owner may adopt now (it exists with the same uid and is not being deleted). */
  canAdopt(): boolean;
  adopt(obj: T): Promise<T | undefined>;
  release(obj: T): Promise<void>;
}

/**
 * The objects owner controls after reconciling ownership: its own that still match, orphans
 * that match (adopted), minus its own that stopped matching (released).
 */
export async function claim<T extends KubeObject>(owner: KubeObject, candidates: T[], matches: (obj: T) => boolean, actions: ClaimActions<T>): Promise<T[]> {
  const claimed: T[] = [];
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches(obj)) claimed.push(obj);
      else if (!ownerDeleting && !obj.metadata.deletionTimestamp) await actions.release(obj);
      continue;
    }
    if (ownerDeleting || !matches(obj) || obj.metadata.deletionTimestamp || !actions.canAdopt()) continue;
    const adopted = await actions.adopt(obj);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}
