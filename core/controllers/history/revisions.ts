// A controller's history as ControllerRevisions (pkg/controller/history): list the revisions
// an owner controls, order them, create one under a hashed name (stepping the collision count
// when the name is taken by different data), renumber, and trim to revisionHistoryLimit.
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Kube, KubeObject } from '../../machinery/object';
import { labelSelectorMatches } from '../../machinery/selectors/label-selector';
import type { Client } from '../../client/client';
import type { Informer } from '../../client/informer';
import { isControlledBy } from '../replicaset/controller-ref';
import { revisionBytes } from './template-patch';

export type Revision = Kube<ControllerRevision>;

const GROUP = 'apps';
const PLURAL = 'controllerrevisions';

/** Ascending by revision number, then creation time, then name (history.SortControllerRevisions). */
export function sortRevisions(list: Revision[]): Revision[] {
  return [...list].sort(
    (a, b) =>
      a.revision - b.revision ||
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
}

/** One more than the highest revision number; 1 for none. */
export const nextRevision = (sorted: Revision[]): number => (sorted.length ? sorted[sorted.length - 1]!.revision + 1 : 1);

export const sameData = (r: Revision, data: string): boolean => revisionBytes(r.data) === data;

export class ControllerHistory {
  constructor(
    private readonly client: Client,
    private readonly revisions: Informer<ControllerRevision>,
  ) {}

  /** The revisions owner controls whose labels its selector matches, in order. */
  list(owner: KubeObject, selector: LabelSelector | undefined): Revision[] {
    const owned = this.revisions
      .list(owner.metadata.namespace)
      .filter((r) => isControlledBy(r, owner) && labelSelectorMatches(selector, r.metadata.labels));
    return sortRevisions(owned);
  }

  /**
   * Creates revision, named by name(collisionCount) until the name is free or already holds
   * the same data; returns the stored revision and the collision count finally used.
   */
  async create(revision: Revision, name: (collisionCount: number) => string, collisionCount: number): Promise<{ revision: Revision; collisionCount: number }> {
    const data = revisionBytes(revision.data);
    for (let count = collisionCount; ; count++) {
      const candidate: Revision = { ...revision, metadata: { ...revision.metadata, name: name(count) } };
      const ns = revision.metadata.namespace;
      const existing = this.revisions.get(ns, candidate.metadata.name!);
      if (existing) {
        if (sameData(existing, data)) return { revision: existing, collisionCount: count };
        continue;
      }
      try {
        return { revision: await this.client.create<ControllerRevision>(GROUP, PLURAL, ns, candidate), collisionCount: count };
      } catch (e) {
        if ((e as { code?: number }).code !== 409) throw e;
        const taken = this.revisions.get(ns, candidate.metadata.name!);
        if (taken && sameData(taken, data)) return { revision: taken, collisionCount: count };
      }
    }
  }

  async renumber(revision: Revision, to: number): Promise<Revision> {
    if (revision.revision === to) return revision;
    return this.client.update<ControllerRevision>(GROUP, PLURAL, revision.metadata.namespace, revision.metadata.name!, (r) => {
      r.revision = to;
    });
  }

  /** Deletes the oldest revisions beyond limit that no live pod and no status refers to. */
  async truncate(sorted: Revision[], inUse: Set<string>, limit: number): Promise<void> {
    const removable = sorted.filter((r) => !inUse.has(r.metadata.name!));
    const excess = removable.length - limit;
    for (const r of removable.slice(0, Math.max(0, excess))) {
      await this.client.delete(GROUP, PLURAL, r.metadata.namespace, r.metadata.name!);
    }
  }
}
