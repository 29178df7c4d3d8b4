// Recreate (recreate.go): scale every old ReplicaSet to zero, wait until none of their pods is
// left running, then bring the new ReplicaSet up to full size.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { controllerOf } from '../replicaset/controller-ref';
import { deploymentComplete } from './conditions';
import { replicasOf, sumStatus } from './replica-math';
import { filterActive, type RS } from './replica-sets';
import type { D, DeploymentSync } from './sync';

export async function rolloutRecreate(s: DeploymentSync, d: D, sets: RS[], pods: Kube<Pod>[]): Promise<void> {
  let { newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, false);
  let all = newRS ? [...oldRSs, newRS] : oldRSs;
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) if ((await s.scaleAndRecord(rs, 0, d)).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, pods)) return s.syncRolloutStatus(d, all, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, true));
    all = newRS ? [...oldRSs, newRS] : oldRSs;
  }
  if (newRS) await s.scaleAndRecord(newRS, replicasOf(d), d);
  if (deploymentComplete(d, d.status ?? {})) await s.cleanup(d, oldRSs);
  return s.syncRolloutStatus(d, all, newRS);
}

/** Old sets still report replicas, or some pod of theirs has not finished. */
function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], pods: Kube<Pod>[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  const old = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return pods.some((p) => {
    const owner = controllerOf(p)?.uid;
    if (!owner || owner === newRS?.metadata.uid || !old.has(owner)) return false;
    const phase = p.status?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  });
}
