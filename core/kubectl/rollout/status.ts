// What `kubectl rollout status` says about one state of a Deployment, DaemonSet or
// StatefulSet, and whether the rollout is done (kubectl's polymorphichelpers StatusViewers,
// the same words and the same order of checks).
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import { CommandError } from '../command';

export interface RolloutState {
  message: string;
  done: boolean;
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** deploymentutil.Revision: the annotation's number, 0 without one. */
export function revisionOf(o: { metadata?: { annotations?: Record<string, string> } }): number {
  const text = o.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  if (!/^[+-]?\d+$/.test(text)) throw new CommandError(`strconv.ParseInt: parsing "${text}": invalid syntax`);
  return Number(text);
}

function deploymentStatus(d: Deployment, revision: number): RolloutState {
  const name = d.metadata?.name;
  if (revision > 0) {
    const running = revisionOf(d);
    if (revision !== running) throw new CommandError(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CommandError(`deployment "${name}" exceeded its progress deadline`);
  const updated = s.updatedReplicas ?? 0;
  const waiting = (what: string): RolloutState => ({ message: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`, done: false });
  if (d.spec?.replicas !== undefined && updated < d.spec.replicas) return waiting(`${updated} out of ${d.spec.replicas} new replicas have been updated`);
  if ((s.replicas ?? 0) > updated) return waiting(`${(s.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < updated) return waiting(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: DaemonSet): RolloutState {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new CommandError('rollout status is only available for RollingUpdate strategy type');
  const name = ds.metadata?.name;
  const s = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = s.desiredNumberScheduled ?? 0;
  const waiting = (what: string): RolloutState => ({ message: `Waiting for daemon set "${name}" rollout to finish: ${what}...\n`, done: false });
  if ((s.updatedNumberScheduled ?? 0) < desired) return waiting(`${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated`);
  if ((s.numberAvailable ?? 0) < desired) return waiting(`${s.numberAvailable ?? 0} of ${desired} updated pods are available`);
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSetStatus(sts: StatefulSet): RolloutState {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw new CommandError('rollout status is only available for RollingUpdate strategy type');
  const s = sts.status ?? { replicas: 0 };
  if (!s.observedGeneration || (sts.metadata?.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (s.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition)
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision)
    return { message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision ?? ''}...\n`, done: false };
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...\n`, done: true };
}

/** The state of a workload of `kind` (apps group); an error for kinds without a status viewer. */
export function rolloutState(group: string, kind: string, object: unknown, revision: number): RolloutState {
  if (group === 'apps' && kind === 'Deployment') return deploymentStatus(object as Deployment, revision);
  if (group === 'apps' && kind === 'DaemonSet') return daemonSetStatus(object as DaemonSet);
  if (group === 'apps' && kind === 'StatefulSet') return statefulSetStatus(object as StatefulSet);
  throw new CommandError(`no status viewer has been implemented for ${group ? `${kind}.${group}` : kind}`);
}
