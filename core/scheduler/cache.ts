// The scheduler's view of nodes and the pods on them (internal/cache), updated from events and
// from its own decisions: a pod is "assumed" on its node as soon as it is chosen, so the next
// pod sees the room it takes while the binding is still being written.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../machinery/object';
import { NodeInfo } from './node-info';
import { podInfo, type PodInfo } from './pod-info';

export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly podNodes = new Map<string, { node: string; assumed: boolean }>();
  private list: NodeInfo[] | undefined;

  /** Nodes that exist, in a stable order (the round-robin start index walks it). */
  nodes(): readonly NodeInfo[] {
    this.list ??= [...this.infos.values()].filter((n) => n.node);
    return this.list;
  }

  node(name: string): NodeInfo | undefined {
    const n = this.infos.get(name);
    return n?.node ? n : undefined;
  }

  private infoFor(name: string): NodeInfo {
    let n = this.infos.get(name);
    if (!n) this.infos.set(name, (n = new NodeInfo(name)));
    return n;
  }

  setNode(node: Kube<Node>): void {
    const info = this.infoFor(node.metadata.name!);
    if (!info.node) this.list = undefined;
    info.setNode(node);
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    info.node = undefined;
    if (info.pods.size === 0) this.infos.delete(name);
    this.list = undefined;
  }

  /** An assigned, not terminated pod as the API server has it (confirms an assumed one). */
  setPod(pod: Kube<Pod>): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const at = this.podNodes.get(key);
    const assumed = at?.assumed && at.node === pod.spec!.nodeName ? this.infos.get(at.node)?.pods.get(key) : undefined;
    if (assumed && assumed.pod.metadata.uid === pod.metadata.uid) {
      // The binding came back: what the filters read is unchanged, so keep the computed info.
      assumed.pod = pod;
      at!.assumed = false;
      return;
    }
    const info = podInfo(pod);
    this.removePod(info.key);
    this.infoFor(pod.spec!.nodeName!).addPod(info);
    this.podNodes.set(info.key, { node: pod.spec!.nodeName!, assumed: false });
  }

  removePod(key: string): void {
    const at = this.podNodes.get(key);
    if (!at) return;
    this.podNodes.delete(key);
    const info = this.infos.get(at.node);
    info?.removePod(key);
    if (info && !info.node && info.pods.size === 0) this.infos.delete(at.node);
  }

  assume(info: PodInfo, node: string): void {
    this.removePod(info.key);
    this.infoFor(node).addPod(info);
    this.podNodes.set(info.key, { node, assumed: true });
  }

  /** Undoes an assumption whose binding failed. */
  forget(key: string): void {
    if (this.podNodes.get(key)?.assumed) this.removePod(key);
  }

  isAssumed(key: string): boolean {
    return this.podNodes.get(key)?.assumed === true;
  }
}
