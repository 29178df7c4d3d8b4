// RollingUpdate (rolling.go): grow the new ReplicaSet within maxSurge, shrink old ones within
// maxUnavailable (unhealthy replicas first), and clean up once the rollout is complete.
import { deploymentComplete } from './conditions';
import { maxUnavailable, newRSNewReplicas, replicasOf, rsReplicas, sumReplicas, sumStatus } from './replica-math';
import { byCreation, filterActive, type RS } from './replica-sets';
import type { D, DeploymentSync } from './sync';

export async function rolloutRolling(s: DeploymentSync, d: D, sets: RS[]): Promise<void> {
  const { newRS, oldRSs } = await s.replicaSetsAndSyncRevision(d, sets, true);
  if (!newRS) return;
  const all = [...oldRSs, newRS];
  if ((await reconcileNewReplicaSet(s, d, all, newRS)) || (await reconcileOldReplicaSets(s, d, all, filterActive(oldRSs), newRS))) {
    return s.syncRolloutStatus(d, all, newRS);
  }
  if (deploymentComplete(d, d.status ?? {})) await s.cleanup(d, oldRSs);
  return s.syncRolloutStatus(d, all, newRS);
}

async function reconcileNewReplicaSet(s: DeploymentSync, d: D, all: RS[], newRS: RS): Promise<boolean> {
  const want = replicasOf(d);
  if (rsReplicas(newRS) === want) return false;
  const size = rsReplicas(newRS) > want ? want : newRSNewReplicas(d, all, newRS);
  return (await s.scaleAndRecord(newRS, size, d)).scaled;
}

async function reconcileOldReplicaSets(s: DeploymentSync, d: D, all: RS[], oldRSs: RS[], newRS: RS): Promise<boolean> {
  if (sumReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  // Never below minAvailable, counting the new set's not-yet-available pods as unavailable.
  const maxScaledDown = sumReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  try {
    const cleaned = await cleanupUnhealthyReplicas(s, d, oldRSs, maxScaledDown);
    const scaled = await scaleDownOldReplicaSets(s, d, [...cleaned.sets, newRS], cleaned.sets);
    return cleaned.count + scaled > 0;
  } catch {
    return false; // as Kubernetes: the next sync tries again
  }
}

/** Scales old sets down by their unavailable replicas: removing those costs no availability. */
async function cleanupUnhealthyReplicas(s: DeploymentSync, d: D, oldRSs: RS[], maxCleanup: number): Promise<{ sets: RS[]; count: number }> {
  const sets = [...oldRSs].sort(byCreation);
  let total = 0;
  for (const [i, rs] of sets.entries()) {
    if (total >= maxCleanup) break;
    const unhealthy = rsReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (rsReplicas(rs) === 0 || unhealthy === 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    sets[i] = (await s.scaleAndRecord(rs, rsReplicas(rs) - count, d)).rs;
    total += count;
  }
  return { sets, count: total };
}

/** Scales old sets down, oldest first, as far as available pods above minAvailable allow. */
async function scaleDownOldReplicaSets(s: DeploymentSync, d: D, all: RS[], oldRSs: RS[]): Promise<number> {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = sumStatus(all, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (rsReplicas(rs) === 0) continue;
    const count = Math.min(rsReplicas(rs), budget - total);
    await s.scaleAndRecord(rs, rsReplicas(rs) - count, d);
    total += count;
  }
  return total;
}
