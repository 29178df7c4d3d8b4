// DaemonSet RollingUpdate (daemon/update.go rollingUpdate): replace old pods node by node while
// at most maxUnavailable nodes lack an available pod; with maxSurge, start the new pod first
// on up to maxSurge nodes and delete the old one once the new one is available.
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable } from '../replicaset/pod-state';
import { isPodUpdated, type Daemon } from './daemon-pod';

export interface RollingPlan {
  /** Old pods to delete now. */
  deletePods: string[];
  /** Nodes that get a new pod now (surge). */
  createOn: string[];
}

/** GetScaledValueFromIntOrPercent, rounding up. */
export function scaled(value: number | string | undefined, total: number): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const pct = Number.parseInt(value.replace(/%$/, ''), 10);
  return Number.isNaN(pct) ? 0 : Math.ceil((pct * total) / 100);
}

/** The one new and one old pod on a node (findUpdatedPodsOnNode); undefined when there are more. */
function splitNode(ds: Daemon, hash: string, pods: Pod[]): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(ds, hash, p)) {
      if (newPod) return undefined;
      newPod = p;
    } else {
      if (oldPod) return undefined;
      oldPod = p;
    }
  }
  return { newPod, oldPod };
}

export function rollingUpdatePlan(ds: Daemon, hash: string, nodeToPods: Map<string, Pod[]>, desired: number, shouldRun: (node: string) => boolean, now: Date): RollingPlan {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const maxSurge = scaled(ru?.maxSurge, desired);
  let maxUnavailable = scaled(ru?.maxUnavailable, desired);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  const nodes = [...nodeToPods.keys()].sort();
  const plan: RollingPlan = { deletePods: [], createOn: [] };

  if (maxSurge === 0) {
    let unavailable = 0;
    const replace: string[] = [];
    const candidates: string[] = [];
    for (const node of nodes) {
      const split = splitNode(ds, hash, nodeToPods.get(node)!);
      if (!split) {
        unavailable++;
        continue;
      }
      const { newPod, oldPod } = split;
      if ((!newPod && !oldPod) || (newPod && oldPod)) unavailable++;
      else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod!)) replace.push(oldPod!.metadata!.name!);
      else if (unavailable < maxUnavailable) candidates.push(oldPod!.metadata!.name!);
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    plan.deletePods = [...replace, ...candidates.slice(0, room)];
    return plan;
  }

  // Surge: nodes whose new pod is not yet available count against maxSurge.
  let surging = 0;
  const candidates: string[] = [];
  for (const node of nodes) {
    const split = splitNode(ds, hash, nodeToPods.get(node)!);
    if (!split || !shouldRun(node)) continue;
    const { newPod, oldPod } = split;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) plan.createOn.push(node);
      else candidates.push(node);
    } else if (available(newPod)) plan.deletePods.push(oldPod.metadata!.name!);
    else surging++;
  }
  plan.createOn.push(...candidates.slice(0, Math.max(0, maxSurge - surging)));
  return plan;
}
