// Shared informers, as client-go's: controllers read caches here and only enqueue keys from
// handlers. In process, the registry's watch caches are the informer caches and its event
// stream feeds the handlers; controller tests seed fakes instead.
import type { Registry } from '../registry/registry';
import type { Kube, KubeObject } from '../machinery/object';
import type { ResourceDef } from '../registry/types';

export interface Handlers<T> {
  add?(obj: T): void;
  update?(obj: T, old: T): void;
  delete?(obj: T): void;
}

export interface Informer<T extends object = KubeObject> {
  readonly group: string;
  readonly plural: string;
  list(namespace?: string): Kube<T>[];
  get(namespace: string | undefined, name: string): Kube<T> | undefined;
  /** Calls handlers for every later change; existing objects are delivered as adds first. */
  on(handlers: Handlers<Kube<T>>, replay?: boolean): () => void;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';
/** A change to an object of any resource (what the dynamic informers of the garbage collector and quota see). */
export type ResourceHandler = (resource: ResourceDef, type: EventType, obj: KubeObject) => void;

/** Informers by resource and what discovery tells (client-go's informer factories, discovery and RESTMapper). */
export interface InformerFactory {
  informer<T extends object>(group: string, plural: string): Informer<T>;
  /** Every served resource (one entry per served version). */
  resources(): ResourceDef[];
  /** The resource that serves a group's kind. */
  resourceFor(group: string, kind: string): ResourceDef | undefined;
  /** Every later change to every resource, those served later included; returns an unsubscribe. */
  onAnyResource(handler: ResourceHandler): () => void;
}

export class RegistryInformer<T extends object = KubeObject> implements Informer<T> {
  constructor(
    private readonly registry: Registry,
    readonly group: string,
    readonly plural: string,
  ) {}

  /** A resource not served (a custom resource gone) has nothing cached. */
  list(namespace?: string): Kube<T>[] {
    return (this.registry.storeFor(this.group, this.plural)?.list({ namespace }).items ?? []).map((c) => c.object as unknown as Kube<T>);
  }

  get(namespace: string | undefined, name: string): Kube<T> | undefined {
    return this.registry.storeFor(this.group, this.plural)?.find(namespace, name)?.object as unknown as Kube<T> | undefined;
  }

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
