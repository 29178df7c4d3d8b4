// The namespace controller: when a namespace is being deleted, delete everything in it, then
// clear its spec.finalizers (the /finalize step) so the API server removes it. Driven by
// watch events only: a namespace is looked at again whenever something in it goes away.
// Like Kubernetes' namespaced resources deleter, it finds what to delete through discovery:
// every namespaced resource served, custom resources included.
import type { Namespace } from 'kubernetes-types/core/v1';
import type { Client } from '../client/client';
import type { Controller, ControllerContext } from '../client/context';
import type { Informer } from '../client/informer';
import { WorkQueue } from '../client/work-queue';

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly namespaces: Informer<Namespace>;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (name) => this.sync(name));
    this.client = ctx.client(this.name);
    this.namespaces = ctx.informer<Namespace>('', 'namespaces');
  }

  start(): void {
    const terminating = (ns: Namespace) => {
      if (ns.metadata?.deletionTimestamp) this.queue.add(ns.metadata.name!);
    };
    this.unsubscribe.push(this.namespaces.on({ add: terminating, update: terminating }));
    // Anything deleted inside a terminating namespace may be the last thing it waited for.
    this.unsubscribe.push(
      this.ctx.onAnyResource((def, type, obj) => {
        const namespace = obj.metadata.namespace;
        if (def.namespaced && type === 'DELETED' && namespace && this.namespaces.get(undefined, namespace)?.metadata.deletionTimestamp) {
          this.queue.add(namespace);
        }
      }),
    );
  }

  stop(): void {
    this.unsubscribe.forEach((f) => f());
    this.queue.stop();
  }

  /** Every namespaced resource served, once (a resource served at several versions is one). */
  private namespacedResources(): Array<{ group: string; plural: string }> {
    const seen = new Map<string, { group: string; plural: string }>();
    for (const d of this.ctx.resources()) if (d.namespaced) seen.set(`${d.plural}.${d.group}`, { group: d.group, plural: d.plural });
    return [...seen.values()];
  }

  async sync(name: string): Promise<void> {
    if (!this.namespaces.get(undefined, name)?.metadata.deletionTimestamp) return;
    const contents = this.namespacedResources().map(({ group, plural }) => ({ group, plural, objects: this.ctx.informer(group, plural) }));
    for (const { group, plural, objects } of contents) {
      for (const obj of objects.list(name)) {
        if (!obj.metadata.deletionTimestamp) await this.client.delete(group, plural, name, obj.metadata.name!, { propagationPolicy: 'Background' });
      }
    }
    // What is still there (finalizers, grace periods) brings the namespace back here as it goes.
    if (contents.some(({ objects }) => objects.list(name).length > 0)) return;
    await this.client.update<Namespace>('', 'namespaces', undefined, name, (ns) => {
      ns.spec = { ...ns.spec, finalizers: [] };
    }, 'finalize');
  }
}
