// Pods by node, for kubelets: one subscription to the pod informer serves every kubelet in the
// process, handing each the keys of pods bound to its node (a real kubelet watches with the
// field selector spec.nodeName=<node>; this is that filter, shared).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Kube } from '../machinery/object';
import { keyOf, type Informer } from '../client/informer';

export type PodKeyHandler = (key: string) => void;

export class PodSource {
  private readonly byNode = new Map<string, Set<string>>();
  private readonly handlers = new Map<string, PodKeyHandler>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly informer: Informer<Pod>) {}

  get(namespace: string, name: string): Kube<Pod> | undefined {
    return this.informer.get(namespace, name);
  }

  /** Calls handler with the key of every pod on node now and whenever one changes; returns an unsubscribe. */
  subscribe(node: string, handler: PodKeyHandler): () => void {
    this.unsubscribe ??= this.informer.on({
      add: (p) => this.route(p, false),
      update: (p) => this.route(p, false),
      delete: (p) => this.route(p, true),
    });
    this.handlers.set(node, handler);
    for (const key of this.byNode.get(node) ?? []) handler(key);
    return () => {
      if (this.handlers.get(node) === handler) this.handlers.delete(node);
    };
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.handlers.clear();
    this.byNode.clear();
  }

  private route(pod: Kube<Pod>, deleted: boolean): void {
    const node = pod.spec?.nodeName;
    if (!node) return;
    const key = keyOf(pod);
    let keys = this.byNode.get(node);
    if (!keys) this.byNode.set(node, (keys = new Set()));
    if (deleted) keys.delete(key);
    else keys.add(key);
    this.handlers.get(node)?.(key);
  }
}
