// The resources the cluster stores, by group and resource (Kubernetes' RESTStorage map): one
// ResourceStore with its watch cache per served version, and one event stream of every change.
// The HTTP layer is handed a Registry; in-process clients and informers read and write through it.
import type { Store } from '../store/types';
import { WatchCache, type CacheEvent } from '../storage/watch-cache';
import { resourcePrefix } from './generic/keys';
import { ResourceStore, type Admission, type ManagedFieldsTracker } from './generic/resource-store';
import type { ResourceDef } from './types';

export interface RegistryOptions {
  store: Store;
  /** The admission chain; built with the registry in hand, as its plugins read other resources. */
  admission: (registry: Registry) => Admission;
  trackManagedFields?: ManagedFieldsTracker;
  /** Events each resource's watch cache keeps for watches from older revisions (default 10,000). */
  watchCacheSize?: number;
}

export type ResourceListener = (def: ResourceDef, e: CacheEvent) => void;
/** A definition starts (served: true) or stops being served. */
export type DefinitionListener = (def: ResourceDef, served: boolean) => void;

export class Registry {
  private readonly stores = new Map<ResourceDef, ResourceStore>();
  /** storeFor's index: admission and controllers look stores up on every write. */
  private readonly storesByResource = new Map<string, ResourceStore>();
  private readonly resourceListeners = new Set<ResourceListener>();
  private readonly definitionListeners = new Set<DefinitionListener>();
  private readonly admission: Admission;

  constructor(private readonly opts: RegistryOptions) {
    this.admission = opts.admission(this);
  }

  /** Stores def from now on; its watch cache is filled before this resolves. */
  async register(def: ResourceDef): Promise<ResourceStore> {
    const cache = new WatchCache(this.opts.store, resourcePrefix(def), this.opts.watchCacheSize);
    await cache.start();
    cache.watch(cache.currentRevision(), (e) => this.resourceListeners.forEach((l) => l(def, e)));
    const rs = new ResourceStore(def, this.opts.store, cache, this.admission, this.opts.trackManagedFields);
    this.stores.set(def, rs);
    this.reindex(def);
    this.definitionListeners.forEach((l) => l(def, true));
    return rs;
  }

  unregister(def: ResourceDef): void {
    this.stores.get(def)?.cache.stop();
    if (!this.stores.delete(def)) return;
    this.reindex(def);
    this.definitionListeners.forEach((l) => l(def, false));
  }

  /** The first registered store of def's group and resource serves storeFor. */
  private reindex(def: ResourceDef): void {
    const key = `${def.group}/${def.plural}`;
    this.storesByResource.delete(key);
    for (const [d, rs] of this.stores) {
      if (d.group === def.group && d.plural === def.plural) {
        this.storesByResource.set(key, rs);
        return;
      }
    }
  }

  storeFor(group: string, plural: string): ResourceStore | undefined {
    return this.storesByResource.get(`${group}/${plural}`);
  }

  /** The store of exactly this definition (one served version). */
  storeOf(def: ResourceDef): ResourceStore | undefined {
    return this.stores.get(def);
  }

  definitions(): ResourceDef[] {
    return [...this.stores.keys()];
  }

  /** The first stored definition of a group's kind (the garbage collector resolves owner references with it). */
  byKind(group: string, kind: string): ResourceDef | undefined {
    for (const d of this.stores.keys()) if (d.group === group && d.kind === kind) return d;
    return undefined;
  }

  /** Every change to every resource, for in-process informers; returns an unsubscribe. */
  onResourceEvent(listener: ResourceListener): () => void {
    this.resourceListeners.add(listener);
    return () => this.resourceListeners.delete(listener);
  }

  /** Definitions served from now on and no longer served (the API server's discovery follows them). */
  onDefinitionChange(listener: DefinitionListener): () => void {
    this.definitionListeners.add(listener);
    return () => this.definitionListeners.delete(listener);
  }

  stop(): void {
    for (const rs of this.stores.values()) rs.cache.stop();
  }
}
