// metadata.managedFields: decoding and encoding the entries, and the ownership bookkeeping of
// k8s.io/apimachinery's fieldmanager for ordinary writes (create, update, patch): the fields a
// write changes become its manager's, leave every other manager, and empty managers vanish.
import type { ManagedFieldsEntry } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../machinery/object';
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { compareObjects, FieldPathError, FieldSet, type Comparison, type FieldPath, type FieldsV1 } from './field-set';
import { metaTime } from '../../machinery/meta-time';
import { creationFieldsV1, zeroValue } from './creation-fields';
import { deepEqual, isJsonMap, type JsonMap } from '../../machinery/json-value';

export type ManagedOperation = 'Apply' | 'Update';

/** One manager's entry between decode and encode. */
export interface ManagerEntry {
  manager: string;
  operation: ManagedOperation;
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
  /**
   * The set as read from the live object with its fieldsV1, which the server wrote in canonical
   * form: encoding reuses that document while the entry still holds this set.
   */
  stored?: { set: FieldSet; fieldsV1: FieldsV1 };
}

/** Entries keyed by managerIdentity. */
export type ManagedSets = Map<string, ManagerEntry>;

/**
 * The identity the real server keys entries by (BuildManagerIdentifier): manager, operation and
 * subresource, plus the apiVersion for updates only, so an applier keeps one entry across versions.
 */
export function managerIdentity(e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: Record<string, string> = { manager: e.manager, operation: e.operation };
  if (e.operation === 'Update' && e.apiVersion) id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/** How conflicts name a manager: "kubectl", or "kubectl-edit" using apps/v1. */
export function printManager(e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  return e.operation === 'Update' ? `${s} using ${e.apiVersion}` : s;
}

export class ManagedFieldsError extends Error {
  override name = 'ManagedFieldsError';
}

/**
 * Reads managedFields as the real server does (DecodeManagedFields); throws ManagedFieldsError.
 * live says mf is a stored object's own (not sent by a client), so its documents can be reused.
 */
export function decodeManagedFields(mf: unknown, live = false): ManagedSets {
  const out: ManagedSets = new Map();
  if (mf === undefined || mf === null) return out;
  if (!Array.isArray(mf)) throw new ManagedFieldsError('managedFields must be a list');
  mf.forEach((raw: unknown, i) => {
    const e: JsonMap = isJsonMap(raw) ? raw : {};
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new ManagedFieldsError('operation must be `Apply` or `Update`');
    if (typeof e.apiVersion !== 'string' || e.apiVersion === '') throw new ManagedFieldsError('apiVersion must not be empty');
    if (e.fieldsType === undefined || e.fieldsType === '') throw new ManagedFieldsError(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new ManagedFieldsError(`invalid fieldsType ${JSON.stringify(e.fieldsType)} in managed fields entry ${i}`);
    let set: FieldSet;
    try {
      set = FieldSet.fromFieldsV1(e.fieldsV1 ?? {});
    } catch (err) {
      throw new ManagedFieldsError(`error decoding versioned set from entry ${i}: error decoding set: ${(err as Error).message}`);
    }
    const entry: ManagerEntry = {
      manager: typeof e.manager === 'string' ? e.manager : '',
      operation: e.operation,
      apiVersion: e.apiVersion,
      set,
    };
    if (typeof e.subresource === 'string' && e.subresource) entry.subresource = e.subresource;
    if (typeof e.time === 'string') entry.time = e.time;
    if (live && isJsonMap(e.fieldsV1)) entry.stored = { set, fieldsV1: e.fieldsV1 as FieldsV1 };
    out.set(managerIdentity(entry), entry);
  });
  return out;
}

/** Why client-provided managedFields cannot be read, or undefined when they can. */
export function validateManagedFields(mf: unknown): string | undefined {
  try {
    decodeManagedFields(mf);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A client resets managedFields by sending an empty list or a list holding one empty entry; a
 * missing field means "keep what is there", so clients unaware of it never wipe it.
 */
export function isManagedFieldsReset(mf: unknown): boolean {
  if (!Array.isArray(mf)) return false;
  if (mf.length === 0) return true;
  return mf.length === 1 && isJsonMap(mf[0]) && Object.values(mf[0]).every((v) => v === undefined || v === null || v === '');
}

const seconds = (t: string | undefined): number => (t ? Math.floor(Date.parse(t) / 1000) || 0 : 0);

/** The wire form, in the real server's order (operation, time, manager, apiVersion, subresource). */
export function encodeManagedFields(managed: ManagedSets): ManagedFieldsEntry[] | undefined {
  if (managed.size === 0) return undefined;
  const entries = [...managed.values()].sort(
    (p, q) =>
      cmpStr(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      cmpStr(p.manager, q.manager) ||
      cmpStr(p.apiVersion, q.apiVersion) ||
      cmpStr(p.subresource ?? '', q.subresource ?? ''),
  );
  return entries.map((e) => encodeEntry(e, e.stored?.set === e.set ? e.stored.fieldsV1 : e.set.toFieldsV1()));
}

function encodeEntry(e: Omit<ManagerEntry, 'set' | 'stored'>, fieldsV1: FieldsV1): ManagedFieldsEntry {
  const out: ManagedFieldsEntry = {};
  if (e.manager) out.manager = e.manager;
  out.operation = e.operation;
  out.apiVersion = e.apiVersion;
  if (e.time) out.time = e.time;
  out.fieldsType = 'FieldsV1';
  out.fieldsV1 = fieldsV1;
  if (e.subresource) out.subresource = e.subresource;
  return out;
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function setManagedFields(obj: KubeObject, entries: ManagedFieldsEntry[] | undefined): void {
  if (!obj.metadata) obj.metadata = {};
  if (entries) obj.metadata.managedFields = entries;
  else delete obj.metadata.managedFields;
}

/**
 * The two objects without the top-level fields (and metadata fields) they share unchanged: those
 * cannot add, change or remove anything, and walking them is most of the cost of an update
 * (a kubelet's status write need not walk the spec).
 */
function withoutEqualParts(a: KubeObject, b: KubeObject): [KubeObject, KubeObject] {
  const ta: JsonMap = {};
  const tb: JsonMap = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a as unknown as JsonMap)[k];
    const y = (b as unknown as JsonMap)[k];
    if (k === 'metadata' && isJsonMap(x) && isJsonMap(y)) {
      const [mx, my] = withoutEqualParts(x as unknown as KubeObject, y as unknown as KubeObject);
      ta[k] = mx;
      tb[k] = my;
    } else if (!deepEqual(x, y)) {
      if (x !== undefined) ta[k] = x;
      if (y !== undefined) tb[k] = y;
    }
  }
  return [ta as unknown as KubeObject, tb as unknown as KubeObject];
}

/** obj without managedFields, which never take part in comparisons (a shallow copy: read only). */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !Object.hasOwn(obj.metadata, 'managedFields')) return obj;
  // Copied key by key: a cached object's managedFields is a getter that parses (stored-object.ts).
  const metadata: Record<string, unknown> = {};
  for (const k of Object.keys(obj.metadata)) if (k !== 'managedFields') metadata[k] = (obj.metadata as Record<string, unknown>)[k];
  return { ...obj, metadata };
}

const f = (...names: string[]): FieldPath => names.map((field) => ({ field }));

/** Fields the server sets or that identify the object: nobody owns them (stripmeta). */
const SERVER_FIELDS = FieldSet.of(
  f('apiVersion'),
  f('kind'),
  f('metadata'),
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map(
    (n) => f('metadata', n),
  ),
);

export function stripServerFields(set: FieldSet): FieldSet {
  return set.difference(SERVER_FIELDS);
}

/** A comparison without the fields the strategy resets (the updater's ignore filter). */
export function withoutResetFields(c: Comparison, reset: FieldSet | undefined): Comparison {
  if (!reset) return c;
  return {
    added: c.added.recursiveDifference(reset),
    modified: c.modified.recursiveDifference(reset),
    removed: c.removed.recursiveDifference(reset),
  };
}

export interface OwnershipConflict {
  entry: ManagerEntry;
  set: FieldSet;
}

/**
 * Settles ownership after a change made by self: fields the change added or modified conflict
 * with the managers owning them; unless force is false and there are conflicts, those managers
 * lose them, every manager loses the removed fields, and managers left with nothing go.
 * Returns the conflicts (the sets are untouched when force is false and there are some).
 */
export function settleOwnership(managed: ManagedSets, change: Comparison, self: string, force: boolean): OwnershipConflict[] {
  const touched = change.modified.union(change.added);
  const conflicts: OwnershipConflict[] = [];
  for (const [key, entry] of [...managed].sort(([a], [b]) => cmpStr(a, b))) {
    if (key === self) continue;
    const set = entry.set.intersection(touched);
    if (!set.isEmpty()) conflicts.push({ entry, set });
  }
  if (!force && conflicts.length) return conflicts;
  for (const c of conflicts) c.entry.set = c.entry.set.difference(c.set);
  if (!change.removed.isEmpty()) {
    for (const [key, entry] of managed) if (key !== self) entry.set = entry.set.difference(change.removed);
  }
  for (const [key, entry] of managed) if (entry.set.isEmpty()) managed.delete(key);
  return conflicts;
}

const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/** Keeps at most ten Update entries by folding the oldest into "ancient-changes" per apiVersion. */
function capUpdateManagers(managed: ManagedSets): void {
  const updaters = [...managed].filter(([, e]) => e.operation === 'Update');
  if (updaters.length <= MAX_UPDATE_MANAGERS) return;
  updaters.sort(([ka, a], [kb, b]) => seconds(a.time) - seconds(b.time) || cmpStr(ka, kb));
  const firstByVersion = new Map<string, string>();
  let remaining = updaters.length;
  for (const [key, entry] of updaters) {
    if (remaining <= MAX_UPDATE_MANAGERS) break;
    const first = firstByVersion.get(entry.apiVersion);
    if (first === undefined) {
      firstByVersion.set(entry.apiVersion, key);
      continue;
    }
    const bucketId = { manager: ANCIENT_CHANGES, operation: 'Update' as const, apiVersion: entry.apiVersion };
    const bucketKey = managerIdentity(bucketId);
    let bucket = managed.get(bucketKey);
    if (!bucket) {
      bucket = { ...bucketId, set: managed.get(first)!.set };
      managed.delete(first);
    }
    managed.set(bucketKey, { ...bucketId, set: entry.set.union(bucket.set), time: entry.time });
    managed.delete(key);
    remaining--;
  }
}

/** Built-in groups: the core group, dotless groups, and *.k8s.io. */
function isBuiltInGroup(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/** What a create is compared against. */
function creationBaseline(created: KubeObject, schema: SchemaNode | undefined, apiVersion: string): JsonMap {
  return schema && isBuiltInGroup(apiVersion) ? zeroValue(created as unknown as JsonMap, schema) : {};
}

export interface UpdateOptions {
  manager: string;
  operation: 'Update';
  apiVersion: string;
  subresource?: string;
  schema: SchemaNode | undefined;
  now: Date;
  /** Fields this endpoint's strategy resets (status on the main resource, spec on /status). */
  resetFields?: FieldSet;
}

/** The managed fields a write starts from: the client's (if readable and not empty), else live's. */
function startingManagedFields(old: KubeObject | undefined, updated: KubeObject, subresource: string | undefined): ManagedSets {
  const fromLive = (): ManagedSets => {
    try {
      return decodeManagedFields(old?.metadata?.managedFields, true);
    } catch {
      return new Map();
    }
  };
  const requested: unknown = updated.metadata?.managedFields;
  // Subresources cannot change managedFields.
  if (subresource) return fromLive();
  if (isManagedFieldsReset(requested)) return new Map();
  try {
    const managed = decodeManagedFields(requested);
    return managed.size ? managed : fromLive();
  } catch {
    return fromLive();
  }
}

/**
 * Records an ordinary write (create, update, non-apply patch) in updated.metadata.managedFields:
 * what changed from old to updated becomes opts.manager's (operation Update), merged into that
 * manager's earlier entry for the same apiVersion and subresource, and is taken from others.
 */
export function updateManagedFields(old: KubeObject | undefined, updated: KubeObject, opts: UpdateOptions): void {
  // Most creates bring no managedFields: nothing to decode.
  const managed = !old && updated.metadata?.managedFields === undefined ? new Map() : startingManagedFields(old, updated, opts.subresource);
  if (!old && managed.size === 0) recordCreation(updated, opts);
  else recordChange(managed, old, updated, opts);
}

/** A create with no managedFields of its own: its manager owns all it sets (creation-fields.ts). */
function recordCreation(created: KubeObject, opts: UpdateOptions): void {
  let fieldsV1: FieldsV1 | undefined;
  try {
    const filters = { reset: opts.resetFields, server: SERVER_FIELDS };
    fieldsV1 = creationFieldsV1(withoutManagedFields(created) as unknown as JsonMap, opts.schema, isBuiltInGroup(opts.apiVersion), filters);
  } catch (e) {
    // An object the schema cannot read gets no managedFields.
    if (!(e instanceof FieldPathError)) throw e;
  }
  const entry = fieldsV1 && encodeEntry({ ...managerOf(opts), time: metaTime(opts.now) }, fieldsV1);
  setManagedFields(created, entry && [entry]);
}

const managerOf = (opts: UpdateOptions) => ({
  manager: opts.manager || 'unknown',
  operation: 'Update' as const,
  apiVersion: opts.apiVersion,
  subresource: opts.subresource || undefined,
});

/**
 * The general path (SMD's Compare, then the set algebra): exported so tests can hold the create
 * fast path to it.
 */
export function recordChange(managed: ManagedSets, old: KubeObject | undefined, updated: KubeObject, opts: UpdateOptions): void {
  let before: KubeObject = old ? withoutManagedFields(old) : (creationBaseline(updated, opts.schema, opts.apiVersion) as KubeObject);
  let after = withoutManagedFields(updated);
  if (old) [before, after] = withoutEqualParts(before, after);
  let change: Comparison;
  try {
    change = withoutResetFields(compareObjects(before, after, opts.schema), opts.resetFields);
  } catch (e) {
    // An object the schema cannot read keeps its managedFields as they were.
    if (!(e instanceof FieldPathError)) throw e;
    setManagedFields(updated, old?.metadata?.managedFields);
    return;
  }
  const current = '\u0000current-operation';
  settleOwnership(managed, change, current, true);
  let set = change.modified.union(change.added);
  if (opts.resetFields) set = set.recursiveDifference(opts.resetFields);
  set = stripServerFields(set);
  if (!set.isEmpty()) {
    const id = managerOf(opts);
    const key = managerIdentity(id);
    const previous = managed.get(key);
    // A manager rewriting fields it already owns (a kubelet's status updates) keeps its set,
    // and with it the stored document.
    const merged = !previous ? set : previous.set.includes(set) ? previous.set : set.union(previous.set);
    managed.set(key, { ...id, set: merged, time: metaTime(opts.now), stored: previous?.stored });
  }
  capUpdateManagers(managed);
  setManagedFields(updated, encodeManagedFields(managed));
}
