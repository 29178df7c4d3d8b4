// The writes of the StatefulSet controller (StatefulPodControl): pods and their claims, each
// reported with the events kube-controller-manager records ("create Pod web-0 in StatefulSet
// web successful", "create Claim www-web-0 Pod web-0 in StatefulSet web success").
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { retentionOwnerRefs } from './claim-retention';
import { applyIdentity, applyStorage, claimsFor, identityMatches, ordinalOf, storageMatches, type Set } from './pod-identity';

type Verb = 'Create' | 'Update' | 'Delete';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isAlreadyExists = (e: unknown) => (e as { code?: number }).code === 409;

export class StatefulPodControl {
  constructor(
    private readonly client: Client,
    private readonly recorder: EventRecorder,
    private readonly claims: Informer<PersistentVolumeClaim>,
  ) {}

  private podEvent(verb: Verb, set: Set, pod: Pod, error?: unknown): void {
    const name = pod.metadata?.name;
    if (error === undefined) this.recorder.event(set, 'Normal', `Successful${verb}`, `${verb.toLowerCase()} Pod ${name} in StatefulSet ${set.metadata.name} successful`);
    else this.recorder.event(set, 'Warning', `Failed${verb}`, `${verb.toLowerCase()} Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${errorText(error)}`);
  }

  private claimEvent(set: Set, pod: Pod, claim: PersistentVolumeClaim, error?: unknown): void {
    const c = claim.metadata?.name;
    const p = pod.metadata?.name;
    if (error === undefined) this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${c} Pod ${p} in StatefulSet ${set.metadata.name} success`);
    else this.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${c} for Pod ${p} in StatefulSet ${set.metadata.name} failed error: ${errorText(error)}`);
  }

  /** Creates the pod's missing claims; a claim being deleted blocks the pod. */
  async createMissingClaims(set: Set, pod: Pod): Promise<void> {
    const errors: string[] = [];
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const existing = this.claims.get(claim.metadata!.namespace, claim.metadata!.name!);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errors.push(`pvc ${claim.metadata!.name} is being deleted`);
        continue;
      }
      try {
        await this.client.create<PersistentVolumeClaim>('', 'persistentvolumeclaims', claim.metadata!.namespace, claim);
        this.claimEvent(set, pod, claim);
      } catch (e) {
        if (!isAlreadyExists(e)) this.claimEvent(set, pod, claim, e);
        errors.push(`failed to create PVC ${claim.metadata!.name}: ${errorText(e)}`);
      }
    }
    if (errors.length) throw new Error(errors.join(', '));
  }

  /** Claims first, then the pod; then the claims' owner references for the retention policy. */
  async create(set: Set, pod: Pod): Promise<void> {
    try {
      await this.createMissingClaims(set, pod);
    } catch (e) {
      this.podEvent('Create', set, pod, e);
      throw e;
    }
    let created: Kube<Pod>;
    try {
      created = await this.client.create<Pod>('', 'pods', set.metadata.namespace, pod);
    } catch (e) {
      if (!isAlreadyExists(e)) this.podEvent('Create', set, pod, e);
      throw e;
    }
    this.podEvent('Create', set, pod);
    await this.updateClaimRetention(set, created);
  }

  /** Whether every existing claim of pod already carries the references the policy wants. */
  claimsMatchRetention(set: Set, pod: Kube<Pod>): boolean {
    return [...claimsFor(set, ordinalOf(pod)).values()].every((c) => {
      const claim = this.claims.get(c.metadata!.namespace, c.metadata!.name!);
      return !claim || !retentionOwnerRefs(claim, set, pod);
    });
  }

  async updateClaimRetention(set: Set, pod: Kube<Pod>): Promise<void> {
    for (const c of claimsFor(set, ordinalOf(pod)).values()) {
      const claim = this.claims.get(c.metadata!.namespace, c.metadata!.name!);
      if (!claim || !retentionOwnerRefs(claim, set, pod)) continue;
      await this.client.update<PersistentVolumeClaim>('', 'persistentvolumeclaims', c.metadata!.namespace, c.metadata!.name!, (fresh) => {
        const refs = retentionOwnerRefs(fresh, set, pod);
        if (refs) fresh.metadata.ownerReferences = refs;
      });
    }
  }

  /** Restores the pod's identity and storage (UpdateStatefulPod). */
  async update(set: Set, pod: Kube<Pod>): Promise<void> {
    try {
      if (!storageMatches(set, pod)) await this.createMissingClaims(set, pod);
      await this.client.update<Pod>('', 'pods', pod.metadata.namespace, pod.metadata.name!, (fresh) => {
        if (!identityMatches(set, fresh)) applyIdentity(set, fresh);
        if (!storageMatches(set, fresh)) applyStorage(set, fresh);
      });
      await this.updateClaimRetention(set, pod);
    } catch (e) {
      this.podEvent('Update', set, pod, e);
      throw e;
    }
    this.podEvent('Update', set, pod);
  }

  async delete(set: Set, pod: Pod): Promise<void> {
    try {
      await this.client.delete('', 'pods', pod.metadata?.namespace, pod.metadata!.name!);
    } catch (e) {
      this.podEvent('Delete', set, pod, e);
      throw e;
    }
    this.podEvent('Delete', set, pod);
  }
}
