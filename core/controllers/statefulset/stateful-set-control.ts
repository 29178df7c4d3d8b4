// One reconciliation of a StatefulSet (defaultStatefulSetControl.updateStatefulSet): make the
// pods for ordinals [start, start+replicas) exist, remove the rest from the highest ordinal
// down, then roll pods at or above the partition to the update revision from the highest
// ordinal down. OrderedReady does one step at a time and waits for each pod to be Running and
// Ready (and available after minReadySeconds); Parallel does all steps at once.
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { Revision } from '../history/revisions';
import type { StatefulPodControl } from './pod-control';
import { identityMatches, newStatefulSetPod, ordinalOf, podRevision, replicaCount, startOrdinal, storageMatches, type Set } from './pod-identity';
import { isCreated, isHealthy, isRunningAndAvailable, isRunningAndReady, isTerminating, replicaStatus } from './replica-status';
import { templateAt, type SetRevisions } from './revisions';

type Step = (pod: Pod) => Promise<boolean>;

export class StatefulSetControl {
  constructor(
    private readonly pods: StatefulPodControl,
    private readonly now: () => Date,
  ) {}

  /** Runs one round for set with its pods; returns the status to record. */
  async update(set: Set, pods: Kube<Pod>[], revs: SetRevisions): Promise<StatefulSetStatus> {
    const now = this.now();
    const minReady = set.spec?.minReadySeconds ?? 0;
    const start = startOrdinal(set);
    const replicas: Pod[] = new Array<Pod>(replicaCount(set));
    const condemned: Pod[] = [];
    for (const pod of pods) {
      const ord = ordinalOf(pod);
      if (ord >= start && ord < start + replicas.length) replicas[ord - start] = pod;
      else if (ord >= 0) condemned.push(pod);
    }
    for (let i = 0; i < replicas.length; i++) replicas[i] ??= this.versionedPod(set, revs, start + i);
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
    const status = () => replicaStatus(set, [...replicas, ...condemned], { current: revs.current.metadata.name!, update: revs.update.metadata.name! }, revs.collisionCount, now);

    const unhealthy = (p: Pod) => !isHealthy(p, minReady, now);
    const firstUnhealthy = replicas.find(unhealthy) ?? [...condemned].reverse().find(unhealthy);
    if (set.metadata.deletionTimestamp) return status();
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';

    if (await this.runForAll(replicas, (p) => this.processReplica(set, p, monotonic, minReady, now), monotonic)) return status();
    const fixClaims: Step = async (p) => {
      const pod = p as Kube<Pod>;
      if (!this.pods.claimsMatchRetention(set, pod)) await this.pods.updateClaimRetention(set, pod);
      return false;
    };
    if (await this.runForAll(condemned, fixClaims, monotonic)) return status();
    const condemn: Step = async (p) => {
      if (isTerminating(p)) return monotonic;
      const waiting = !isRunningAndReady(p) || !isRunningAndAvailable(p, minReady, now);
      if (monotonic && waiting && p !== firstUnhealthy) return true;
      await this.pods.delete(set, p);
      return monotonic;
    };
    if (await this.runForAll(condemned, condemn, monotonic)) return status();
    if (set.spec?.updateStrategy?.type === 'OnDelete') return status();

    const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let i = replicas.length - 1; i >= partition; i--) {
      const pod = replicas[i]!;
      if (podRevision(pod) !== revs.update.metadata.name && !isTerminating(pod)) {
        await this.pods.delete(set, pod);
        const s = status();
        s.currentReplicas = Math.max(0, (s.currentReplicas ?? 0) - 1);
        return s;
      }
      if (unhealthy(pod)) break;
    }
    return status();
  }

  /** newVersionedStatefulSetPod: ordinals below the partition keep the current revision. */
  private versionedPod(set: Set, revs: SetRevisions, ordinal: number): Pod {
    const us = set.spec?.updateStrategy;
    const start = startOrdinal(set);
    const keepCurrent =
      (us?.type === 'RollingUpdate' && !us.rollingUpdate && ordinal < start + (set.status?.currentReplicas ?? 0)) ||
      (!!us?.rollingUpdate && ordinal < start + (us.rollingUpdate.partition ?? 0));
    const rev: Revision = keepCurrent ? revs.current : revs.update;
    return newStatefulSetPod(set, templateAt(set, rev), ordinal, rev.metadata.name!);
  }

  /** processReplica: true when this round must stop here. */
  private async processReplica(set: Set, pod: Pod, monotonic: boolean, minReady: number, now: Date): Promise<boolean> {
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      // A finished pod is deleted; the next round creates it afresh.
      if (!isTerminating(pod)) await this.pods.delete(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      await this.pods.create(set, pod);
      return monotonic;
    }
    if (phase === 'Pending') await this.pods.createMissingClaims(set, pod);
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return true;
    const live = pod as Kube<Pod>;
    if (identityMatches(set, pod) && storageMatches(set, pod) && this.pods.claimsMatchRetention(set, live)) return false;
    await this.pods.update(set, live);
    return false;
  }

  /** Sequentially, stopping at the first step that says stop, when monotonic; else all at once. */
  private async runForAll(pods: Pod[], step: Step, monotonic: boolean): Promise<boolean> {
    if (monotonic) {
      for (const p of pods) if (await step(p)) return true;
      return false;
    }
    const results = await Promise.all(pods.map(step));
    return results.some(Boolean);
  }
}
