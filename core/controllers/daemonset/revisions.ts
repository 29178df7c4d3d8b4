// A DaemonSet's revisions (constructHistory): the revision whose data equals today's template
// is current (renumbered to the top if older), else one is created as <ds>-<hash>, labelled
// with the hash and annotated as the DaemonSet is. The hash labels the pods.
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { newControllerRef } from '../replicaset/controller-ref';
import { controllerRevisionName, hashControllerRevision } from '../history/revision-hash';
import { ControllerHistory, sameData, type Revision } from '../history/revisions';
import { templatePatch } from '../history/template-patch';
import { REVISION_LABEL, type Daemon } from './daemon-pod';

export interface DaemonRevisions {
  current: Revision;
  old: Revision[];
  hash: string;
  collisionCount: number;
}

export async function daemonSetRevisions(history: ControllerHistory, ds: Daemon): Promise<DaemonRevisions> {
  const data = templatePatch(ds.spec?.template);
  const all = history.list(ds, ds.spec?.selector);
  const matching = all.filter((r) => sameData(r, data));
  const old = all.filter((r) => !matching.includes(r));
  const next = Math.max(0, ...old.map((r) => r.revision)) + 1;
  let collisionCount = ds.status?.collisionCount ?? 0;
  let current: Revision;
  if (matching.length) {
    // Duplicates of the current revision (dedupCurHistories) keep the highest-numbered one.
    current = await history.renumber(matching[matching.length - 1]!, Math.max(next, matching[matching.length - 1]!.revision));
  } else {
    const hashFor = (n: number) => hashControllerRevision(data, n);
    const cr: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        namespace: ds.metadata.namespace,
        labels: { ...ds.spec?.template?.metadata?.labels, [REVISION_LABEL]: hashFor(collisionCount) },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
      },
      data: JSON.parse(data) as object,
      revision: next,
    };
    const created = await history.create(
      cr as Revision,
      (n) => controllerRevisionName(ds.metadata.name!, hashFor(n)),
      collisionCount,
    );
    current = created.revision;
    collisionCount = created.collisionCount;
  }
  const hash = current.metadata.labels?.[REVISION_LABEL] ?? current.metadata.name!;
  return { current, old, hash, collisionCount };
}
