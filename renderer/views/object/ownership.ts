// Which objects an object owns: those whose ownerReferences name its uid, and their own
// children in turn (a Deployment's ReplicaSets, then their Pods), as the garbage collector
// sees the graph. Only kinds a page asks about are searched: the common owners' children.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** Kinds worth searching for an owner's children, by the owner's kind. */
const CHILDREN: Record<string, string[]> = {
  Deployment: ['replicasets', 'pods'],
  ReplicaSet: ['pods'],
  StatefulSet: ['pods'],
  DaemonSet: ['pods'],
  Job: ['pods'],
  CronJob: ['jobs', 'pods'],
  Service: ['endpointslices'],
  ReplicationController: ['pods'],
};
/** For custom resources, run by operators: what operators mostly create. */
const OPERATOR_CHILDREN = ['deployments', 'statefulsets', 'services', 'jobs', 'pods', 'configmaps'];

/** Built-in kinds not listed own nothing worth searching for (a Pod, a ConfigMap...). */
export function childKindsOf(kind: string, custom: boolean): string[] {
  return CHILDREN[kind] ?? (custom ? OPERATOR_CHILDREN : []);
}

export interface Owned<T> {
  kindId: string;
  item: T;
  /** 1 for a direct child, 2 for a grandchild. */
  depth: number;
}

/** Every item, among the candidates by kind, owned by `rootUid` directly or through another
 *  candidate, up to `maxDepth` levels. */
export function descendants<T>(
  rootUid: string,
  candidates: Record<string, readonly T[]>,
  metaOf: (item: T) => ObjectMeta | undefined,
  maxDepth = 2,
): Owned<T>[] {
  const found: Owned<T>[] = [];
  let owners = new Set([rootUid]);
  for (let depth = 1; depth <= maxDepth && owners.size; depth++) {
    const next = new Set<string>();
    for (const [kindId, items] of Object.entries(candidates)) {
      for (const item of items) {
        const meta = metaOf(item);
        if (!meta?.uid || !meta.ownerReferences?.some((ref) => owners.has(ref.uid))) continue;
        found.push({ kindId, item, depth });
        next.add(meta.uid);
      }
    }
    owners = next;
  }
  return found;
}
