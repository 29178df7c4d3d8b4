// A StatefulSet's current and update revisions (getStatefulSetRevisions): the update revision
// is the revision holding today's template (an older equal one is renumbered to the top, none
// is created), the current revision is the one status names, or the update revision at first.
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { newControllerRef } from '../replicaset/controller-ref';
import { controllerRevisionName, hashControllerRevision } from '../history/revision-hash';
import { ControllerHistory, nextRevision, sameData, type Revision } from '../history/revisions';
import { templateOfRevision, templatePatch } from '../history/template-patch';
import type { Set } from './pod-identity';

export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export interface SetRevisions {
  current: Revision;
  update: Revision;
  collisionCount: number;
  /** Every revision the set controls, oldest first, including update. */
  all: Revision[];
}

function newRevision(set: Set, data: string, revision: number, collisionCount: number): Revision {
  const hash = hashControllerRevision(data, collisionCount);
  const annotations = set.metadata.annotations;
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(set.metadata.name!, hash),
      namespace: set.metadata.namespace,
      labels: { ...set.spec?.template?.metadata?.labels, [REVISION_HASH_LABEL]: hash },
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [newControllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    data: JSON.parse(data) as object,
    revision,
  };
  return cr as Revision;
}

export async function statefulSetRevisions(history: ControllerHistory, set: Set): Promise<SetRevisions> {
  const revisions = history.list(set, set.spec?.selector);
  let collisionCount = set.status?.collisionCount ?? 0;
  const data = templatePatch(set.spec?.template);
  const equal = revisions.filter((r) => sameData(r, data));
  const latest = revisions[revisions.length - 1];
  let update: Revision;
  let all = revisions;
  if (equal.length && equal[equal.length - 1] === latest) {
    update = latest!;
  } else if (equal.length) {
    const old = equal[equal.length - 1]!;
    update = await history.renumber(old, nextRevision(revisions));
    all = [...revisions.filter((r) => r !== old), update];
  } else {
    const created = await history.create(
      newRevision(set, data, nextRevision(revisions), collisionCount),
      (n) => controllerRevisionName(set.metadata.name!, hashControllerRevision(data, n)),
      collisionCount,
    );
    update = created.revision;
    collisionCount = created.collisionCount;
    all = [...revisions, update];
  }
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, all };
}

/** The pod template a revision restores; the set's own template when it has none. */
export const templateAt = (set: Set, revision: Revision): PodTemplateSpec => templateOfRevision(revision.data) ?? set.spec!.template;
