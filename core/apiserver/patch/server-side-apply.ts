// Server-side apply (PATCH application/apply-patch+yaml) as structured-merge-diff's Updater.Apply
// and the fieldmanager around it do it: merge the applied configuration into the live object,
// let the applier own exactly the fields it sent, drop what it stopped sending unless someone
// else owns it, and refuse (409) to change fields other managers own unless forced.
import type { StatusCause } from '../../machinery/status';
import type { KubeObject } from '../../machinery/object';
import type { SchemaNode } from '../../registry/openapi/schema-node';
import {
  compareObjects,
  fieldSetOf,
  FieldPathError,
  FieldSet,
  goJson,
  indexItems,
  isDeclaredField,
  isEmptyContainer,
  listItemElements,
  pathString,
  serializePathElement,
  shapeOf,
  type FieldPath,
  type Shape,
} from './field-set';
import { cloneJson, deepEqual, isJsonMap, ownValue, setKey, type JsonMap } from '../../machinery/json-value';
import {
  decodeManagedFields,
  encodeManagedFields,
  managerIdentity,
  printManager,
  setManagedFields,
  settleOwnership,
  stripServerFields,
  withoutManagedFields,
  withoutResetFields,
  type ManagedSets,
  type ManagerEntry,
} from './managed-fields';
import { PatchError } from './patch-error';
import { metaTime } from '../../machinery/meta-time';

export interface ApplyOptions {
  manager: string;
  force: boolean;
  schema: SchemaNode | undefined;
  /** The endpoint's group/version (apps/v1); the applied object must use it. */
  apiVersion: string;
  now: Date;
  subresource?: string;
  /** Fields this endpoint's strategy resets (status on the main resource, spec on /status). */
  resetFields?: FieldSet;
}

/** One field another manager owns with a different value: manager as conflicts print it. */
export interface ApplyConflict {
  /** "kubectl", or "kubectl-client-side-apply" using apps/v1 (quotes included). */
  manager: string;
  /** .spec.replicas */
  field: string;
}

export type ApplyResult = { object: KubeObject } | { conflicts: ApplyConflict[] };

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** kubectl's own server-side apply manager: the one that takes over client-side apply. */
const KUBECTL_MANAGER = 'kubectl';

/**
 * Applies `applied` to `live` (undefined: the object does not exist yet and apply creates it).
 * Throws PatchError for a bad request (managedFields sent, wrong version) or an object the
 * schema cannot read; returns the conflicts when other managers own changed fields.
 */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, opts: ApplyOptions): ApplyResult {
  const sentManagedFields: unknown = applied.metadata?.managedFields;
  if (sentManagedFields !== undefined && sentManagedFields !== null) {
    throw new PatchError(400, 'metadata.managedFields must be nil');
  }
  const patchVersion = applied.apiVersion ?? '';
  if (patchVersion !== opts.apiVersion) {
    throw new PatchError(
      400,
      `Incorrect version specified in apply patch. Specified patch version: ${patchVersion}, expected: ${opts.apiVersion}`,
    );
  }
  let managed: ManagedSets;
  try {
    managed = decodeManagedFields(live?.metadata?.managedFields, true);
  } catch (e) {
    throw new PatchError(500, `failed to decode managed fields: ${(e as Error).message}`);
  }
  const base: KubeObject = live ? withoutManagedFields(live) : ({} as KubeObject);
  checkTyped(applied, opts.schema, 'patch', applied);
  checkTyped(base, opts.schema, 'live', applied);

  try {
    let result = applyOnce(base, applied, managed, opts, opts.force);
    if ('conflicts' in result && opts.manager === KUBECTL_MANAGER) {
      // Upgrading from client-side apply: fields the last-applied annotation set, still at
      // the annotation's values, are kubectl's to take.
      const allowed = fieldsFromLastApplied(base, opts);
      if (allowed) {
        const remaining = result.conflicts.filter((c) => !allowed.has(c.path));
        result = remaining.length ? { conflicts: remaining } : applyOnce(base, applied, managed, opts, true);
      }
    }
    if ('conflicts' in result) return { conflicts: result.conflicts.map(({ entry, path }) => ({ manager: printManager(entry), field: pathString(path) })) };
    return { object: result.object };
  } catch (e) {
    if (e instanceof FieldPathError) throw new PatchError(500, `failed to merge config: ${e.message}`);
    throw e;
  }
}

/** The 409 message: `Apply failed with 1 conflict: conflict with "x" using apps/v1: .spec.replicas`. */
export function applyConflictMessage(conflicts: ApplyConflict[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${conflicts[0].manager}: ${conflicts[0].field}`;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.field]);
  const lines = [...byManager].flatMap(([manager, fields]) => [`conflicts with ${manager}:`, ...fields.map((f) => `- ${f}`)]);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** The 409 Status causes, one per conflicting field. */
export function applyConflictCauses(conflicts: ApplyConflict[]): StatusCause[] {
  return conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${c.manager}`, field: c.field }));
}

// ---------------------------------------------------------------------------------------------

interface InternalConflict {
  entry: ManagerEntry;
  path: FieldPath;
}

type OnceResult = { object: KubeObject } | { conflicts: InternalConflict[] };

/** namespace/name; group/version, Kind=Kind, as the real server names objects in errors. */
function describe(obj: KubeObject): string {
  const [group, version] = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/') : ['', obj.apiVersion ?? ''];
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}; ${group}/${version}, Kind=${obj.kind ?? ''}`;
}

function checkTyped(obj: KubeObject, schema: SchemaNode | undefined, which: 'patch' | 'live', applied: KubeObject): void {
  try {
    fieldSetOf(obj, schema);
  } catch (e) {
    if (!(e instanceof FieldPathError)) throw e;
    throw new PatchError(500, `failed to create typed ${which} object (${describe(applied)}): ${e.message}`);
  }
}

function cloneManaged(managed: ManagedSets): ManagedSets {
  return new Map([...managed].map(([k, e]) => [k, { ...e }]));
}

function applyOnce(base: KubeObject, config: KubeObject, managedIn: ManagedSets, opts: ApplyOptions, force: boolean): OnceResult {
  const managed = cloneManaged(managedIn);
  const schema = opts.schema;
  const selfId = { manager: opts.manager, operation: 'Apply' as const, apiVersion: opts.apiVersion, subresource: opts.subresource || undefined };
  const self = managerIdentity(selfId);
  const last = managed.get(self);

  let set = fieldSetOf(config, schema);
  if (opts.resetFields) set = set.recursiveDifference(opts.resetFields);
  managed.set(self, { ...selfId, time: last?.time, set });

  let merged = mergeValues([], base, config, schema) as JsonMap;
  merged = prune(merged, managed, last?.set, schema);

  const change = withoutResetFields(compareObjects(base, merged, schema), opts.resetFields);
  const conflicts = settleOwnership(managed, change, self, force);
  if (!force && conflicts.length) {
    return { conflicts: conflicts.flatMap(({ entry, set: s }) => s.paths().map((path) => ({ entry, path }))) };
  }

  const mine = managed.get(self);
  if (mine) {
    mine.set = stripServerFields(mine.set);
    if (mine.set.isEmpty()) managed.delete(self);
  }
  const changed = !deepEqual(base, merged);
  const object = (changed ? dropNulls(merged) : cloneJson(base)) as KubeObject;
  if (changed && managed.has(self)) managed.get(self)!.time = metaTime(opts.now);
  if (opts.manager === KUBECTL_MANAGER) syncLastApplied(object, config);
  setManagedFields(object, encodeManagedFields(managed));
  return { object };
}

/**
 * Removes what the applier owned last time and no longer sends, unless another manager owns
 * it; parents of owned fields stay, and fields nobody ever owned (defaults) are left alone.
 */
function prune(merged: JsonMap, managed: ManagedSets, lastSet: FieldSet | undefined, schema: SchemaNode | undefined): JsonMap {
  if (!lastSet || lastSet.isEmpty()) return merged;
  const named = (s: FieldSet) => withNamedFieldsAsMembers(s, schema);
  const last = named(lastSet);
  const mergedSet = named(fieldSetOf(merged, schema));
  const withoutLast = removeItems(merged, last, schema);
  const owned = named([...managed.values()].reduce((acc, e) => acc.union(e.set), new FieldSet()));
  const keep = named(fieldSetOf(withoutLast, schema)).union(owned);
  const pruned = removeItems(merged, mergedSet.difference(keep), schema);
  const dangling = mergedSet.difference(named(fieldSetOf(pruned, schema))).intersection(last);
  return (removeItems(merged, dangling, schema) ?? {}) as JsonMap;
}

/** Adds every declared struct field on the way to a path as a member itself. */
function withNamedFieldsAsMembers(set: FieldSet, schema: SchemaNode | undefined): FieldSet {
  const out = FieldSet.of(...set.members().map((pe) => [pe]));
  for (const [pe, sub] of set.children()) {
    if ('field' in pe && isDeclaredField(schema, pe.field)) out.insert([pe]);
    const childSchema = 'field' in pe ? schema?.field(pe.field) : 'key' in pe ? schema?.items() : undefined;
    for (const p of withNamedFieldsAsMembers(sub, childSchema).paths()) out.insert([pe, ...p]);
  }
  return out;
}

type ListShape = Extract<Shape, { kind: 'list' }>;

/** SMD's merge: the applied side wins at leaves, granular maps and lists merge by field and key. */
function mergeValues(path: FieldPath, l: unknown, r: unknown, schema: SchemaNode | undefined): unknown {
  if (r === undefined) return l;
  const rs = shapeOf(schema, r);
  const ls = l === undefined ? undefined : shapeOf(schema, l);
  if (ls && l !== null && r !== null && ls.kind !== rs.kind) return r;
  const shape = r === null && ls ? ls : rs;
  if (shape.kind === 'leaf' || shape.atomic || (isEmptyContainer(l) && isEmptyContainer(r))) return r;
  if (shape.kind === 'list') {
    return mergeLists(path, shape, Array.isArray(l) ? l : [], Array.isArray(r) ? r : []);
  }
  const lm: JsonMap = isJsonMap(l) ? l : {};
  const rm: JsonMap = isJsonMap(r) ? r : {};
  const out: JsonMap = {};
  for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
    setKey(out, k, mergeValues([...path, { field: k }], ownValue(lm, k), ownValue(rm, k), schema?.field(k)));
  }
  return out;
}

/**
 * Merges associative lists: applied items in applied order, live-only items kept where they
 * were relative to the items around them.
 */
function mergeLists(path: FieldPath, shape: ListShape, l: unknown[], r: unknown[]): unknown[] {
  const rIndex = indexItems(path, shape, r);
  for (const { pe, items } of rIndex.values()) {
    if (items.length > 1) throw new FieldPathError(`${pathString(path)}: duplicate entries for key ${pathString([pe])}`);
  }
  const lIndex = indexItems(path, shape, l);
  const lIds = listItemElements(path, shape, l).map(serializePathElement);
  const rIds = listItemElements(path, shape, r).map(serializePathElement);
  // A live item that appears more than once merges as null: the applied item replaces them all.
  const liveItem = (id: string): unknown => {
    const g = lIndex.get(id);
    return g === undefined ? undefined : g.items.length > 1 ? null : g.items[0];
  };
  const shared = rIds.filter((id) => lIndex.has(id));
  let next = shared.shift();
  const done = new Set<string>();
  const out: unknown[] = [];
  const emit = (id: string, lItem: unknown, rItem: unknown) => {
    const pe = (rIndex.get(id) ?? lIndex.get(id))!.pe;
    const v = mergeValues([...path, pe], lItem, rItem, shape.item);
    if (v !== undefined) out.push(v);
  };
  let li = 0;
  let ri = 0;
  while (li < lIds.length || ri < rIds.length) {
    if (li < lIds.length && ri < rIds.length) {
      if (lIds[li] === rIds[ri]) {
        done.add(rIds[ri]);
        emit(rIds[ri], liveItem(rIds[ri]), rIndex.get(rIds[ri])!.items[0]);
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      // A shared item out of the applied order waits for its turn on the applied side.
      if (rIndex.has(lIds[li]) && next !== undefined && next !== lIds[li]) {
        li++;
        continue;
      }
    }
    if (li < lIds.length) {
      if (!rIndex.has(lIds[li])) {
        emit(lIds[li], l[li], undefined);
        li++;
        continue;
      }
      if (done.has(lIds[li])) li++;
    }
    if (ri < rIds.length) {
      const id = rIds[ri];
      done.add(id);
      emit(id, liveItem(id), rIndex.get(id)!.items[0]);
      ri++;
      if (next === id) next = shared.shift();
    }
  }
  return out;
}

/** SMD's RemoveItems: drops the paths in toRemove; maps and lists left empty disappear. */
function removeItems(value: unknown, toRemove: FieldSet, schema: SchemaNode | undefined, path: FieldPath = []): unknown {
  const shape = shapeOf(schema, value);
  if (shape.kind === 'leaf') return value;
  if (shape.atomic) return undefined;
  if (shape.kind === 'list') {
    const list = value as unknown[];
    const out: unknown[] = [];
    listItemElements(path, shape, list).forEach((pe, i) => {
      if (toRemove.hasMember(pe)) return;
      const sub = toRemove.withPrefix(pe);
      const v = sub.isEmpty() ? list[i] : removeItems(list[i], sub, shape.item, [...path, pe]);
      if (v !== undefined) out.push(v);
    });
    return out.length ? out : undefined;
  }
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value as JsonMap)) {
    const pe = { field: k };
    if (toRemove.hasMember(pe)) continue;
    const sub = toRemove.withPrefix(pe);
    const kept = sub.isEmpty() ? v : removeItems(v, sub, schema?.field(k), [...path, pe]);
    if (kept !== undefined) setKey(out, k, kept);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Typed built-in objects cannot hold null fields; a null applied value ends up unset. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isJsonMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) setKey(out, k, dropNulls(x));
  return out;
}

/** The fields the last-applied annotation set that the live object still holds unchanged. */
function fieldsFromLastApplied(live: KubeObject, opts: ApplyOptions): FieldSet | undefined {
  const raw = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!raw) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isJsonMap(lastApplied) || lastApplied.apiVersion !== opts.apiVersion) return undefined;
  try {
    const c = compareObjects(lastApplied, live, opts.schema);
    return fieldSetOf(lastApplied, opts.schema).difference(c.modified).difference(c.added).difference(c.removed);
  } catch (e) {
    if (e instanceof FieldPathError) return undefined;
    throw e;
  }
}

/** kubectl's server-side apply keeps an existing last-applied annotation in step with what it applied. */
function syncLastApplied(object: KubeObject, config: KubeObject): void {
  const annotations = object.metadata?.annotations;
  if (!annotations?.[LAST_APPLIED_ANNOTATION]) return;
  const copy = cloneJson(config);
  const own = copy.metadata?.annotations;
  if (own) {
    delete own[LAST_APPLIED_ANNOTATION];
    if (Object.keys(own).length === 0) delete copy.metadata.annotations;
  }
  annotations[LAST_APPLIED_ANNOTATION] = `${goJson(copy)}\n`;
}
