// Per-node aggregate kept up to date from events (framework.NodeInfo): the pods on the node and
// the sums the filters need (requested resources, pod count, host ports), so a filter looks at
// one node without walking its pods.
import type { Node } from 'kubernetes-types/core/v1';
import type { Kube } from '../machinery/object';
import type { HostPort, PodInfo } from './pod-info';
import { addResources, allocatableOf, cloneResources, emptyResources, type Resources } from './resources';

export class NodeInfo {
  node: Kube<Node> | undefined;
  allocatable: Resources = emptyResources();
  allowedPods = 0;
  requested: Resources = emptyResources();
  nonZeroRequested = { milliCPU: 0, memory: 0 };
  readonly pods = new Map<string, PodInfo>();
  /** Pods with any pod (anti-)affinity, and those with required anti-affinity. */
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** "protocol/port" -> host IPs in use. */
  readonly usedPorts = new Map<string, string[]>();

  constructor(readonly name: string) {}

  setNode(node: Kube<Node>): void {
    this.node = node;
    const a = allocatableOf(node.status?.allocatable as Record<string, string> | undefined);
    this.allocatable = a.resources;
    this.allowedPods = a.pods;
  }

  get labels(): Record<string, string> {
    return this.node?.metadata.labels ?? {};
  }

  addPod(p: PodInfo): void {
    this.pods.set(p.key, p);
    this.account(p, 1);
  }

  removePod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    if (!p) return undefined;
    this.pods.delete(key);
    this.account(p, -1);
    return p;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, p.requests, sign);
    this.nonZeroRequested.milliCPU += sign * p.nonZero.milliCPU;
    this.nonZeroRequested.memory += sign * p.nonZero.memory;
    if (p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0) {
      this.podsWithAffinity += sign;
    }
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
    for (const hp of p.ports) {
      const k = `${hp.protocol}/${hp.port}`;
      const ips = this.usedPorts.get(k) ?? [];
      if (sign > 0) ips.push(hp.ip);
      else ips.splice(ips.indexOf(hp.ip), 1);
      if (ips.length) this.usedPorts.set(k, ips);
      else this.usedPorts.delete(k);
    }
  }

  /** Would this host port clash with one in use? 0.0.0.0 clashes with every address. */
  portInUse(hp: HostPort): boolean {
    const ips = this.usedPorts.get(`${hp.protocol}/${hp.port}`);
    if (!ips) return false;
    return hp.ip === '0.0.0.0' || ips.some((ip) => ip === '0.0.0.0' || ip === hp.ip);
  }

  /** A copy to try changes on (preemption, nominated pods) without touching the cache. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.allocatable = this.allocatable;
    c.allowedPods = this.allowedPods;
    c.requested = cloneResources(this.requested);
    c.nonZeroRequested = { ...this.nonZeroRequested };
    for (const [k, p] of this.pods) c.pods.set(k, p);
    c.podsWithAffinity = this.podsWithAffinity;
    c.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity;
    for (const [k, ips] of this.usedPorts) c.usedPorts.set(k, [...ips]);
    return c;
  }
}
