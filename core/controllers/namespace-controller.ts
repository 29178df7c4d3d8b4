// The namespace controller: when a namespace is being deleted, delete everything in it, then
// clear its spec.finalizers (the /finalize step) so the API server removes it. Driven by
// watch events only: a namespace is looked at again whenever something in it goes away.
import type { Namespace } from 'kubernetes-types/core/v1';
import type { Registry } from '../registry/registry';
import type { Kube } from '../machinery/object';
import { ApiError } from '../machinery/status';
import type { ResourceStore, UserInfo } from '../registry/generic/resource-store';
import type { Clock } from '../client/clock';
import { WorkQueue } from '../client/work-queue';

const CONTROLLER_USER: UserInfo = { username: 'system:serviceaccount:kube-system:namespace-controller', groups: ['system:serviceaccounts'] };

export class NamespaceController {
  private readonly queue: WorkQueue;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly registry: Registry,
    clock: Clock,
  ) {
    this.queue = new WorkQueue(clock, (name) => this.sync(name));
  }

  private get namespaces(): ResourceStore {
    return this.registry.storeFor('', 'namespaces')!;
  }

  start(): void {
    const ns = this.namespaces;
    for (const c of ns.list().items) if (c.object.metadata.deletionTimestamp) this.queue.add(c.object.metadata.name!);
    const off = ns.cache.watch(ns.cache.currentRevision(), (e) => {
      if (e.type !== 'DELETED' && e.current.object.metadata.deletionTimestamp) this.queue.add(e.current.object.metadata.name!);
    });
    if (off) this.unsubscribe.push(off);
    // Anything deleted inside a terminating namespace may be the last thing it waited for.
    this.registry.onResourceEvent((def, e) => {
      const namespace = e.current.object.metadata.namespace;
      if (def.namespaced && e.type === 'DELETED' && namespace && this.isTerminating(namespace)) this.queue.add(namespace);
    });
  }

  stop(): void {
    this.unsubscribe.forEach((f) => f());
    this.queue.stop();
  }

  private isTerminating(name: string): boolean {
    return !!this.namespaces.find(undefined, name)?.object.metadata.deletionTimestamp;
  }

  private async sync(name: string): Promise<void> {
    const found = this.namespaces.find(undefined, name);
    if (!found?.object.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const rs of this.registry.namespacedStores()) {
      for (const c of rs.list({ namespace: name }).items) {
        remaining++;
        if (c.object.metadata.deletionTimestamp) continue;
        try {
          await rs.delete(name, c.object.metadata.name!, { propagationPolicy: 'Background' }, { user: CONTROLLER_USER });
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404)) throw e;
        }
      }
    }
    if (remaining > 0 && this.registry.namespacedStores().some((rs) => rs.list({ namespace: name }).items.length > 0)) return;
    await this.namespaces.guaranteedUpdate(
      undefined,
      name,
      (ns) => {
        const n = ns as Kube<Namespace>;
        n.spec = { ...n.spec, finalizers: [] };
        return n;
      },
      { user: CONTROLLER_USER, subresource: 'finalize' },
    );
  }
}
