// Shared informers, in process: the registry's watch caches are the informer caches, and
// its event stream feeds the handlers. Controllers read here and only enqueue keys from
// handlers, as with client-go.
import type { Registry } from '../registry/registry';
import type { Kube, KubeObject } from '../machinery/object';
import type { ResourceStore } from '../registry/generic/resource-store';

export interface Handlers<T> {
  add?(obj: T): void;
  update?(obj: T, old: T): void;
  delete?(obj: T): void;
}

export class Informer<T extends object = KubeObject> {
  constructor(
    private readonly registry: Registry,
    readonly group: string,
    readonly plural: string,
  ) {}

  private get store(): ResourceStore {
    const rs = this.registry.storeFor(this.group, this.plural);
    if (!rs) throw new Error(`no resource ${this.plural}.${this.group}`);
    return rs;
  }

  list(namespace?: string): Kube<T>[] {
    return this.store.list({ namespace }).items.map((c) => c.object as unknown as Kube<T>);
  }

  get(namespace: string | undefined, name: string): Kube<T> | undefined {
    return this.store.find(namespace, name)?.object as unknown as Kube<T> | undefined;
  }

  /** Calls handlers for every later change; existing objects are delivered as adds first. */
  on(handlers: Handlers<Kube<T>>, replay = true): () => void {
    if (replay) for (const o of this.list()) handlers.add?.(o);
    return this.registry.onResourceEvent((def, e) => {
      if (def.group !== this.group || def.plural !== this.plural) return;
      const cur = e.current.object as unknown as Kube<T>;
      if (e.type === 'ADDED') handlers.add?.(cur);
      else if (e.type === 'MODIFIED') handlers.update?.(cur, e.previous!.object as unknown as Kube<T>);
      else handlers.delete?.(cur);
    });
  }
}

/** "namespace/name", or "name" for cluster-scoped objects: the work queue key. */
export function keyOf(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : m.name ?? '';
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
