// The garbage collector's view of the cluster: every object that has owners, by uid, with the
// reverse index from an owner's uid to its dependents. Owners need not exist for dependents to
// point at them: that is what the collector looks for.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../machinery/object';

export interface GraphNode {
  uid: string;
  group: string;
  plural: string;
  namespace: string | undefined;
  name: string;
  owners: OwnerReference[];
}

export class OwnerGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependentsOf = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Records obj as it is now; returns the owners it had before (empty if it was unknown). */
  upsert(group: string, plural: string, obj: KubeObject): OwnerReference[] {
    const uid = obj.metadata.uid!;
    const before = this.remove(uid)?.owners ?? [];
    const owners = obj.metadata.ownerReferences ?? [];
    if (owners.length === 0) return before;
    this.nodes.set(uid, { uid, group, plural, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', owners });
    for (const o of owners) {
      let deps = this.dependentsOf.get(o.uid);
      if (!deps) this.dependentsOf.set(o.uid, (deps = new Set()));
      deps.add(uid);
    }
    return before;
  }

  remove(uid: string): GraphNode | undefined {
    const node = this.nodes.get(uid);
    if (!node) return undefined;
    for (const o of node.owners) {
      const deps = this.dependentsOf.get(o.uid);
      deps?.delete(uid);
      if (deps?.size === 0) this.dependentsOf.delete(o.uid);
    }
    this.nodes.delete(uid);
    return node;
  }

  /** Known objects whose ownerReferences name uid. */
  dependents(uid: string): GraphNode[] {
    return [...(this.dependentsOf.get(uid) ?? [])].map((d) => this.nodes.get(d)!);
  }
}
