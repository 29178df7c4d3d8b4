// The generic registry: create, update, delete, get and list for any kind, with the rules every
// Kubernetes object follows (uid, generateName, resourceVersion and conflicts, generation,
// status kept apart, graceful deletion and finalizers). Kind-specific rules come from the
// kind's Strategy; cross-cutting checks from admission hooks. Like genericregistry.Store.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/types';
import { ConflictError, KeyExistsError, KeyNotFoundError } from '../../store/types';
import type { KubeObject } from '../../machinery/object';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  invalid,
  notFound,
  staleConflict,
} from '../../machinery/status';
import { encodeForStore } from '../../storage/stored-object';
import type { CachedObject, WatchCache } from '../../storage/watch-cache';
import type { FieldError } from '../../machinery/field-errors';
import type { ResourceDef } from '../types';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/object-meta';
import { namespacePrefix, objectKey } from './keys';
import { generateName } from './names';
import { normalizeObject } from './go-json';
import { deepEqual, wireCopy } from '../../machinery/json-value';
import { schemaNameForKind } from '../openapi/definitions';
import { metaTime } from '../../machinery/meta-time';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  /** Extra attributes (impersonated with Impersonate-Extra-<key>). */
  extra?: Record<string, string[]>;
}

export interface WriteOptions {
  user: UserInfo;
  dryRun?: boolean;
  /** Field manager recorded in managedFields; defaults from the user agent. */
  fieldManager?: string;
  /** 'status' or 'scale' etc. when writing through a subresource. */
  subresource?: string;
  /** Server-side apply already recorded managedFields for this write. */
  applied?: boolean;
  /** The write records no field owner: a pod's binding assigns it, nobody edits it (kube-apiserver's BindingREST). */
  untracked?: boolean;
}

export interface AdmissionRequest {
  operation: Operation;
  def: ResourceDef;
  namespace: string | undefined;
  name: string;
  object: KubeObject;
  old?: KubeObject;
  options: WriteOptions;
  /** Callbacks run when the write has finished, committed or not (e.g. release reservations). */
  onFinish: Array<() => void>;
}

/** Admission plugins: mutating ones run before validation, validating ones after. */
export interface Admission {
  mutate(req: AdmissionRequest): Promise<void> | void;
  validate(req: AdmissionRequest): Promise<void> | void;
}

/** Called with each prepared write, to maintain metadata.managedFields. */
export type ManagedFieldsTracker = (def: ResourceDef, old: KubeObject | undefined, updated: KubeObject, options: WriteOptions) => void;

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The object as it is now: deleted (last state) or marked for deletion. */
  object: KubeObject;
  /** False when deletion waits for finalizers or a grace period. */
  deleted: boolean;
}

export interface ListOptions {
  /** Restrict to one namespace (namespaced kinds); undefined: all. */
  namespace?: string;
  filter?: (obj: KubeObject) => boolean;
  limit?: number;
  /** Key to continue after (decoded from a continue token). */
  startAfter?: string;
}

export interface ListResult {
  items: CachedObject[];
  revision: number;
  /** Last key returned when more remain. */
  continueAfter?: string;
  remaining?: number;
}

/** A private copy of a cached object, from its served text. */
const copyOf = (c: CachedObject): KubeObject => JSON.parse(c.json) as KubeObject;

/** The store moved on between read and write (not a failed precondition): worth a retry. */
const isStaleConflict = (e: unknown): boolean => e instanceof ApiError && e.reason === 'Conflict' && e.message.includes('has been modified');

/** Field names that are not "spec" for the purposes of generation. */
const NON_SPEC = new Set(['metadata', 'status', 'apiVersion', 'kind']);

/** What generation tracks: everything but metadata and status (and annotations, for some). */
function specChanged(a: KubeObject, b: KubeObject, withAnnotations: boolean): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!NON_SPEC.has(k) && !deepEqual(a[k], b[k])) return true;
  return withAnnotations && !deepEqual(a.metadata.annotations ?? {}, b.metadata.annotations ?? {});
}

export class ResourceStore {
  /** The kind's OpenAPI schema name for the Go round trip (null: none), looked up once. */
  private schemaName: string | null | undefined;

  constructor(
    readonly def: ResourceDef,
    private readonly store: Store,
    readonly cache: WatchCache,
    private readonly admission: Admission,
    private readonly trackManagedFields: ManagedFieldsTracker = () => {},
  ) {}

  get apiVersion(): string {
    return this.def.group ? `${this.def.group}/${this.def.version}` : this.def.version;
  }

  key(namespace: string | undefined, name: string): string {
    return objectKey(this.def, namespace, name);
  }

  get(namespace: string | undefined, name: string): CachedObject {
    const found = this.cache.get(this.key(namespace, name));
    if (!found) throw notFound(this.def, name);
    return found;
  }

  find(namespace: string | undefined, name: string): CachedObject | undefined {
    return this.cache.get(this.key(namespace, name));
  }

  list(opts: ListOptions = {}): ListResult {
    const prefix = namespacePrefix(this.def, opts.namespace);
    return this.page(this.cache.list(prefix, opts.startAfter), this.cache.currentRevision(), opts);
  }

  /**
   * The list as it was at revision, for a list continued from a page taken then. Undefined when
   * the watch cache's history no longer reaches back that far.
   */
  listAt(revision: number, opts: ListOptions = {}): ListResult | undefined {
    const all = this.cache.listAt(namespacePrefix(this.def, opts.namespace), opts.startAfter, revision);
    return all && this.page(all, revision, opts);
  }

  /** Filters all and cuts it at the limit. */
  private page(all: CachedObject[], revision: number, opts: ListOptions): ListResult {
    const items: CachedObject[] = [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    let i = 0;
    for (; i < all.length && items.length < limit; i++) {
      const c = all[i]!;
      if (!opts.filter || opts.filter(c.object)) items.push(c);
    }
    if (items.length === limit && i < all.length) {
      let remaining = 0;
      for (let j = i; j < all.length; j++) if (!opts.filter || opts.filter(all[j]!.object)) remaining++;
      if (remaining > 0) return { items, revision, continueAfter: items[items.length - 1]!.key, remaining };
    }
    return { items, revision };
  }

  /**
   * Creates an object. The store takes input over and fills it in (a decoded request body is
   * used as it is): a caller that keeps its object passes a copy (controllers' Client does).
   */
  async create(namespace: string | undefined, input: KubeObject, options: WriteOptions): Promise<KubeObject> {
    this.checkTypeMeta(input);
    // apiVersion, kind and metadata first, as the store writes objects (encodeForStore).
    const { apiVersion: _, kind: __, metadata, ...rest } = input;
    const obj: KubeObject = { apiVersion: this.apiVersion, kind: this.def.kind, metadata: metadata ?? {}, ...rest };
    const meta = obj.metadata;
    this.checkNamespace(meta.namespace, namespace);
    if (this.def.namespaced) meta.namespace = namespace;
    else delete meta.namespace;

    const generated = !meta.name && !!meta.generateName;
    for (let attempt = 0; ; attempt++) {
      if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
      try {
        return await this.createOnce(namespace, obj, options);
      } catch (e) {
        // A generated name that collides is retried with a fresh suffix, as the real server does.
        if (e instanceof ApiError && e.reason === 'AlreadyExists' && generated && attempt < 8) {
          meta.name = undefined;
          continue;
        }
        throw e;
      }
    }
  }

  private async createOnce(namespace: string | undefined, obj: KubeObject, options: WriteOptions): Promise<KubeObject> {
    const meta = obj.metadata;
    meta.uid = randomUUID();
    meta.creationTimestamp = metaTime();
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete (meta as Record<string, unknown>).selfLink;
    if (this.def.generation === true) meta.generation = 1;
    else delete meta.generation;

    const strategy = this.def.strategy;
    strategy.prepareForCreate?.(obj);
    const req = this.admissionRequest('CREATE', namespace, obj, undefined, options);
    try {
      await this.admission.mutate(req);
      strategy.defaults?.(obj);
      this.roundTrip(obj);
      this.throwIfInvalid(obj, [
        ...validateObjectMeta(obj.metadata, this.metaRules()),
        ...(strategy.validate?.(obj) ?? []),
      ]);
      await this.admission.validate(req);
      this.trackManagedFields(this.def, undefined, obj, options);
      if (options.dryRun) {
        if (this.find(namespace, meta.name!)) throw alreadyExists(this.def, meta.name!);
        return obj;
      }
      try {
        const kv = await this.store.create(this.key(namespace, meta.name!), encodeForStore(obj));
        meta.resourceVersion = String(kv.modRevision);
        return obj;
      } catch (e) {
        if (e instanceof KeyExistsError) throw alreadyExists(this.def, meta.name!);
        throw e;
      }
    } finally {
      req.onFinish.forEach((f) => f());
    }
  }

  /**
   * Replaces an object (PUT). An empty metadata.resourceVersion means "whatever is there"
   * (unconditional update); otherwise it must match or the answer is 409 Conflict. Like create,
   * it takes input over.
   */
  async update(namespace: string | undefined, name: string, input: KubeObject, options: WriteOptions): Promise<KubeObject> {
    this.checkTypeMeta(input);
    if (input.metadata?.name && input.metadata.name !== name) {
      throw badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
    }
    this.checkNamespace(input.metadata?.namespace, namespace);
    const current = this.get(namespace, name);
    const wanted = input.metadata?.resourceVersion;
    if (wanted && wanted !== current.object.metadata.resourceVersion) throw staleConflict(this.def, name);
    return this.commitUpdate(namespace, current, input, options);
  }

  /**
   * Read-modify-write with retries on conflict: mutate gets a private copy of the latest
   * object and returns the wanted one. Used by patch and by subresources.
   */
  async guaranteedUpdate(
    namespace: string | undefined,
    name: string,
    mutate: (current: KubeObject) => KubeObject | Promise<KubeObject>,
    options: WriteOptions,
  ): Promise<KubeObject> {
    for (let attempt = 0; ; attempt++) {
      const current = this.get(namespace, name);
      const wanted = await mutate(copyOf(current));
      try {
        return await this.commitUpdate(namespace, current, wanted, options);
      } catch (e) {
        if (isStaleConflict(e) && attempt < 5) continue;
        throw e;
      }
    }
  }

  private async commitUpdate(
    namespace: string | undefined,
    current: CachedObject,
    obj: KubeObject,
    options: WriteOptions,
  ): Promise<KubeObject> {
    const old = current.object;
    const name = old.metadata.name!;
    obj.apiVersion = this.apiVersion;
    obj.kind = this.def.kind;
    obj.metadata ??= {};
    const meta = obj.metadata;
    // Fields only the server sets.
    meta.name = name;
    if (this.def.namespaced) meta.namespace = namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (!meta.deletionTimestamp) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    meta.generation = old.metadata.generation;
    if (meta.generation === undefined) delete meta.generation;
    delete (meta as Record<string, unknown>).selfLink;

    const strategy = this.def.strategy;
    const status = options.subresource === 'status';
    const fields = status ? ['status'] : options.subresource && this.def.subresources?.find((s) => s.name === options.subresource)?.writes;
    if (fields) {
      // Only status changes through /status, and only what a narrow subresource declares through it.
      const next = copyOf(current);
      for (const f of fields) {
        if (obj[f] === undefined) delete next[f];
        else next[f] = obj[f];
      }
      // Deployments record their revision annotation through /status, as in Kubernetes.
      if (status && this.def.statusKeepsAnnotations) {
        if (obj.metadata.annotations) next.metadata.annotations = obj.metadata.annotations;
        else delete next.metadata.annotations;
      }
      if (status) strategy.prepareForStatusUpdate?.(next, old);
      obj = next;
    } else if (this.def.status) {
      // The main resource never changes status.
      if (old.status === undefined) delete obj.status;
      else obj.status = wireCopy(old.status);
      strategy.prepareForUpdate?.(obj, old);
    } else {
      strategy.prepareForUpdate?.(obj, old);
    }

    const req = this.admissionRequest('UPDATE', namespace, obj, old, options);
    try {
      await this.admission.mutate(req);
      strategy.defaults?.(obj);
      this.roundTrip(obj);
      const annotations = this.def.annotationsBumpGeneration === true;
      const specWrite = !options.subresource || options.subresource === 'scale';
      if (this.def.generation === true && specWrite && specChanged(obj, old, annotations)) {
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
      const errors: FieldError[] = validateObjectMetaUpdate(obj.metadata, old.metadata, 'metadata', this.metaRules());
      if (options.subresource === 'status') errors.push(...(strategy.validateStatusUpdate?.(obj, old) ?? []));
      else {
        errors.push(...(strategy.validate?.(obj) ?? []));
        // Update rules (immutable fields) guard the main resource and /scale; binding,
        // finalize and the like are the server's own narrow writes, as in Kubernetes.
        if (!options.subresource || options.subresource === 'scale') errors.push(...(strategy.validateUpdate?.(obj, old) ?? []));
      }
      this.throwIfInvalid(obj, errors);
      await this.admission.validate(req);
      this.trackManagedFields(this.def, old, obj, options);

      delete obj.metadata.resourceVersion;
      const unchanged = sameObject(obj, old);
      if (unchanged) return copyOf(current);
      if (options.dryRun) {
        obj.metadata.resourceVersion = old.metadata.resourceVersion;
        return obj;
      }
      // An object being deleted whose last finalizer was removed goes away now.
      // (Kubernetes: only once its grace period is over, i.e. deletionGracePeriodSeconds is 0.)
      const graceOver = (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
      if (obj.metadata.deletionTimestamp && graceOver && !obj.metadata.finalizers?.length && !strategy.deletionBlocked?.(obj)) {
        const last = await this.deleteNow(current);
        return last;
      }
      try {
        const kv = await this.store.update(current.key, encodeForStore(obj), current.revision);
        obj.metadata.resourceVersion = String(kv.modRevision);
        return obj;
      } catch (e) {
        if (e instanceof ConflictError) throw staleConflict(this.def, name);
        if (e instanceof KeyNotFoundError) throw notFound(this.def, name);
        throw e;
      }
    } finally {
      req.onFinish.forEach((f) => f());
    }
  }

  /**
   * A write that lands between reading the object and marking or removing it is not the
   * caller's conflict: like Kubernetes' conditional delete, read again and retry (preconditions
   * are checked afresh each time, so a stale precondition still fails).
   */
  async delete(namespace: string | undefined, name: string, opts: DeleteOptions, options: WriteOptions): Promise<DeleteResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deleteOnce(namespace, name, opts, options);
      } catch (e) {
        if (isStaleConflict(e) && attempt < 5) continue;
        throw e;
      }
    }
  }

  private async deleteOnce(namespace: string | undefined, name: string, opts: DeleteOptions, options: WriteOptions): Promise<DeleteResult> {
    const current = this.get(namespace, name);
    const obj = current.object;
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid) {
      throw conflict(this.def, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(
        this.def,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
      );
    }
    const req = this.admissionRequest('DELETE', namespace, obj, obj, options);
    try {
      await this.admission.validate(req);
    } finally {
      req.onFinish.forEach((f) => f());
    }

    const finalizers = new Set(obj.metadata.finalizers ?? []);
    const policy = opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : opts.orphanDependents === false ? 'Background' : undefined);
    if (policy === 'Foreground') finalizers.add('foregroundDeletion');
    if (policy === 'Orphan') finalizers.add('orphan');
    if (policy === 'Background') finalizers.delete('orphan');
    const grace = this.def.strategy.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
    const blocked = this.def.strategy.deletionBlocked?.(obj) ?? false;

    if (finalizers.size === 0 && grace === 0 && !obj.metadata.deletionTimestamp && !blocked) {
      if (options.dryRun) return { object: obj, deleted: true };
      return { object: await this.deleteNow(current), deleted: true };
    }
    if (obj.metadata.deletionTimestamp && finalizers.size === (obj.metadata.finalizers?.length ?? 0) && grace >= (obj.metadata.deletionGracePeriodSeconds ?? 0)) {
      // Already being deleted and nothing changes: report it as is.
      return { object: obj, deleted: false };
    }
    const marked = copyOf(current);
    const deadline = metaTime(new Date(Date.now() + grace * 1000));
    if (!marked.metadata.deletionTimestamp || grace < (marked.metadata.deletionGracePeriodSeconds ?? Infinity)) {
      marked.metadata.deletionTimestamp = deadline;
    }
    marked.metadata.deletionGracePeriodSeconds = grace;
    marked.metadata.finalizers = [...finalizers];
    if (marked.metadata.finalizers.length === 0) delete marked.metadata.finalizers;
    this.def.strategy.prepareForDelete?.(marked);
    if (options.dryRun) return { object: marked, deleted: false };
    if (!marked.metadata.finalizers && grace === 0 && !blocked) return { object: await this.deleteNow(current), deleted: true };
    delete marked.metadata.resourceVersion;
    try {
      const kv = await this.store.update(current.key, encodeForStore(marked), current.revision);
      marked.metadata.resourceVersion = String(kv.modRevision);
    } catch (e) {
      if (e instanceof ConflictError) throw staleConflict(this.def, name);
      throw e;
    }
    return { object: marked, deleted: false };
  }

  private async deleteNow(current: CachedObject): Promise<KubeObject> {
    try {
      const kv = await this.store.delete(current.key, current.revision);
      const last = JSON.parse(kv.value) as KubeObject;
      last.metadata.resourceVersion = String(this.store.currentRevision());
      return last;
    } catch (e) {
      if (e instanceof ConflictError) throw staleConflict(this.def, current.object.metadata.name!);
      if (e instanceof KeyNotFoundError) throw notFound(this.def, current.object.metadata.name!);
      throw e;
    }
  }

  /** Stores built-in kinds as a typed Go API server would (see go-json.ts). */
  private roundTrip(obj: KubeObject): void {
    if (this.def.custom) return;
    const schema = (this.schemaName ??= schemaNameForKind(this.def.group, this.def.version, this.def.kind) ?? null);
    if (schema) normalizeObject(obj as Record<string, unknown>, schema);
  }

  private metaRules() {
    const d = this.def;
    return { namespaced: d.namespaced, validateName: d.validateName, genericOnly: d.custom || d.genericMetaValidation };
  }

  private admissionRequest(
    operation: Operation,
    namespace: string | undefined,
    object: KubeObject,
    old: KubeObject | undefined,
    options: WriteOptions,
  ): AdmissionRequest {
    return { operation, def: this.def, namespace, name: object.metadata?.name ?? '', object, old, options, onFinish: [] };
  }

  private checkTypeMeta(obj: KubeObject): void {
    if (obj.kind !== undefined && obj.kind !== '' && obj.kind !== this.def.kind) {
      throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${this.def.kind})`);
    }
    if (obj.apiVersion !== undefined && obj.apiVersion !== '' && obj.apiVersion !== this.apiVersion) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${this.apiVersion})`);
    }
  }

  private checkNamespace(inObject: string | undefined, onRequest: string | undefined): void {
    if (this.def.namespaced && inObject && onRequest && inObject !== onRequest) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
  }

  private throwIfInvalid(obj: KubeObject, errors: FieldError[]): void {
    if (errors.length) throw invalid(this.def.kind, this.def.group, obj.metadata?.name ?? obj.metadata?.generateName ?? '', errors);
  }
}

/** Equal apart from resourceVersion and managedFields timestamps: such a write changes nothing. */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  const { metadata: ma, ...restA } = a;
  const { metadata: mb, ...restB } = b;
  return deepEqual(restA, restB) && deepEqual(comparableMeta(ma), comparableMeta(mb));
}

function comparableMeta(m: KubeObject['metadata']): Record<string, unknown> {
  const { resourceVersion: _rv, managedFields, ...rest } = m;
  return managedFields ? { ...rest, managedFields: managedFields.map(({ time: _t, ...e }) => e) } : rest;
}
