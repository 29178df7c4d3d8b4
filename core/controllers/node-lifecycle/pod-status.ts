// Pod status writes shared by the node lifecycle, taint eviction and pod GC controllers.
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { isNotFound, type Client } from '../../client/client';

/** Sets a condition (lastTransitionTime moves only when the status does); true when anything changed. */
export function setPodCondition(status: PodStatus, condition: PodCondition, now: string): boolean {
  const conditions = [...(status.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === condition.type);
  const old = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = { ...condition, lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now };
  if (
    old &&
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    old.lastProbeTime === next.lastProbeTime &&
    old.lastTransitionTime === next.lastTransitionTime
  ) {
    return false;
  }
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  (status as { conditions?: PodCondition[] }).conditions = conditions;
  return true;
}

/** Writes status changes made by `change` (which returns false when there is nothing to write); a pod gone is fine. */
export async function updatePodStatus(client: Client, namespace: string, name: string, change: (status: PodStatus) => boolean): Promise<boolean> {
  let changed = false;
  try {
    await client.updateStatus<Pod>('', 'pods', namespace, name, (pod: Kube<Pod>) => {
      const status = { ...(pod.status ?? {}) };
      changed = change(status);
      (pod as { status?: PodStatus }).status = status;
    });
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
  return changed;
}

/** The DisruptionTarget condition controllers set before deleting a pod. */
export const disruptionTarget = (reason: string, message: string): PodCondition => ({ type: 'DisruptionTarget', status: 'True', reason, message });
