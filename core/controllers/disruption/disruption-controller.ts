// The disruption controller: keeps each PodDisruptionBudget's status (expected and healthy
// pods, disruptions allowed, the DisruptionAllowed condition) current as its pods come, go and
// turn ready, and forgets evicted pods in status.disruptedPods once they are deleted or the
// two-minute deletion timeout passes. The eviction API spends disruptionsAllowed.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { Kube, KubeObject } from '../../machinery/object';
import { deepEqual } from '../../machinery/json-value';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import type { Client } from '../../client/client';
import { timestamp } from '../../client/clock';
import type { Controller, ControllerContext } from '../../client/context';
import type { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/work-queue';
import { expectation, type ScaleOf } from './expected-pods';

type Budget = Kube<PodDisruptionBudget>;
/** How long an evicted pod counts as disrupted while it has not been deleted (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export class DisruptionController implements Controller {
  readonly name = 'disruption';
  private readonly queue: WorkQueue;
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly pods: Informer<Pod>;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly off: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 5);
    this.pdbs = ctx.informer<PodDisruptionBudget>('policy', 'poddisruptionbudgets');
    this.pods = ctx.informer<Pod>('', 'pods');
    this.client = ctx.client('disruption-controller');
    this.recorder = ctx.recorder('controllermanager');
  }

  start(): void {
    const enqueue = (b: Budget) => this.queue.add(keyOf(b));
    const forPod = (...versions: Pod[]) => {
      for (const b of this.pdbs.list(versions[0]!.metadata?.namespace)) {
        if (versions.some((p) => labelSelectorMatches(b.spec?.selector, p.metadata?.labels))) enqueue(b);
      }
    };
    this.off.push(
      this.pdbs.on({ add: enqueue, update: enqueue }),
      this.pods.on({ add: (p) => forPod(p), update: (p, old) => forPod(p, old), delete: (p) => forPod(p) }, false),
    );
  }

  stop(): void {
    this.off.forEach((f) => f());
    this.queue.stop();
  }

  /** Desired replicas of a pod's controller: ReplicaSets answer for their Deployment. */
  private readonly scaleOf: ScaleOf = (ns, ref) => {
    const read = (group: string, plural: string, name: string, uid: string) => {
      const o = this.ctx.informer<KubeObject & { spec?: { replicas?: number } }>(group, plural).get(ns, name);
      return o?.metadata.uid === uid ? o : undefined;
    };
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '';
    const plural = { ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', ReplicationController: 'replicationcontrollers', Deployment: 'deployments' }[ref.kind];
    if (!plural || (ref.kind === 'ReplicationController') !== (group === '')) return undefined;
    const owner = read(group, plural, ref.name, ref.uid);
    if (!owner) return undefined;
    const deploymentRef = ref.kind === 'ReplicaSet' ? owner.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment') : undefined;
    const top = deploymentRef ? read('apps', 'deployments', deploymentRef.name, deploymentRef.uid) : owner;
    return top ? { uid: top.metadata.uid!, replicas: top.spec?.replicas ?? 1 } : undefined;
  };

  /** What the work queue runs for a budget's key (tests call it directly). */
  async sync(key: string): Promise<void> {
    const [ns, name] = splitKey(key);
    const pdb = this.pdbs.get(ns, name);
    if (!pdb) return;
    const pods = this.pods.list(ns).filter((p) => labelSelectorMatches(pdb.spec?.selector, p.metadata.labels));
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let expected;
    try {
      expected = expectation(pdb, pods, this.scaleOf);
    } catch (e) {
      const message = `Failed to calculate the number of expected pods: ${(e as Error).message}`;
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', message);
      await this.write(pdb, { ...pdb.status, disruptionsAllowed: 0, currentHealthy: pdb.status?.currentHealthy ?? 0, desiredHealthy: pdb.status?.desiredHealthy ?? 0, expectedPods: pdb.status?.expectedPods ?? 0 }, 'SyncFailed', message);
      return;
    }
    const now = this.ctx.clock.now().getTime();
    const disrupted = this.liveDisruptions(pdb, pods, now);
    const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && !(p.metadata.name! in disrupted) && isReady(p)).length;
    const status: PodDisruptionBudgetStatus = {
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.expectedPods,
      disruptionsAllowed: Math.max(0, currentHealthy - expected.desiredHealthy),
    };
    await this.write(pdb, status, status.disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods', '');
  }

  /** disruptedPods still pending: pods that exist, are not being deleted, and are within the timeout. */
  private liveDisruptions(pdb: Budget, pods: Kube<Pod>[], now: number): Record<string, string> {
    const byName = new Map(pods.map((p) => [p.metadata.name!, p]));
    const out: Record<string, string> = {};
    for (const [pod, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const p = byName.get(pod);
      if (!p || p.metadata.deletionTimestamp) continue;
      const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
      if (expires <= now) continue;
      out[pod] = at;
      this.queue.addAfter(keyOf(pdb), expires - now);
    }
    return out;
  }

  private async write(pdb: Budget, status: PodDisruptionBudgetStatus, reason: string, message: string): Promise<void> {
    const observedGeneration = pdb.metadata.generation;
    const allowed = reason === 'SufficientPods' ? 'True' : 'False';
    const old = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed');
    const condition: Condition = {
      type: 'DisruptionAllowed',
      status: allowed,
      reason,
      message,
      observedGeneration,
      lastTransitionTime: old?.status === allowed ? old.lastTransitionTime : timestamp(this.ctx.clock.now()),
    };
    const next: PodDisruptionBudgetStatus = {
      ...status,
      observedGeneration,
      conditions: [...(pdb.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'), condition],
    };
    if (deepEqual(pdb.status ?? {}, next)) return;
    await this.client.updateStatus<PodDisruptionBudget>('policy', 'poddisruptionbudgets', pdb.metadata.namespace, pdb.metadata.name!, (b) => {
      // Changed since read (an eviction spent a disruption): that change's event syncs again.
      if (b.metadata.resourceVersion === pdb.metadata.resourceVersion) b.status = next;
    });
  }
}
