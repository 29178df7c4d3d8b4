// Kubernetes' strategic merge patch (application/strategic-merge-patch+json), applied as
// k8s.io/apimachinery/pkg/util/strategicpatch does on the server (StrategicMergeMapPatch):
// maps merge, lists merge by x-kubernetes-patch-merge-key or as sets where the field's
// x-kubernetes-patch-strategy is "merge" and are replaced otherwise, and the directives
// $patch, $retainKeys, $deleteFromPrimitiveList/<field> and $setElementOrder/<field> steer it.
// List order follows the real code: $setElementOrder first, then the patch's order, then the
// live object's; without $setElementOrder, items new to the list come before the existing ones.
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { cloneJson, goString, hasKey, isJsonMap, jsonKind, ownValue, setKey, type JsonKind, type JsonMap } from '../../machinery/json-value';
import { patchBadRequest, patchInternal } from './patch-error';
import {
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  directiveTarget,
  elementKind,
  errBadArgType,
  errBadPatchType,
  errBadRetainKeys,
  errNoMergeKey,
  fieldPatchMeta,
  findByMergeKey,
  indexIn,
  sortByOrder,
  type FieldPatchMeta,
} from './strategic-merge-common';

export { createTwoWayStrategicMergePatch } from './strategic-merge-diff';

/**
 * Applies a strategic merge patch to a copy of doc. schema is the object's root schema node
 * (io.k8s.api.apps.v1.Deployment); fields it does not describe merge like a JSON merge patch.
 * Throws PatchError with the code the API server would answer.
 */
export function applyStrategicMergePatch(doc: unknown, patch: unknown, schema: SchemaNode | undefined): unknown {
  if (patch === null || patch === undefined) return cloneJson(doc);
  if (!isJsonMap(patch)) {
    const kind = Array.isArray(patch) ? 'array' : typeof patch === 'boolean' ? 'bool' : typeof patch;
    throw patchBadRequest(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  return mergeMap(isJsonMap(doc) ? cloneJson(doc) : {}, cloneJson(patch), schema);
}

/** Merges patch into original (both owned by us: both are changed). */
function mergeMap(original: JsonMap, patch: JsonMap, schema: SchemaNode | undefined): JsonMap {
  if (hasKey(patch, DIRECTIVE)) return mapDirective(patch);
  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema);

  for (const [patchKey, patchValue] of Object.entries(patch)) {
    const isDeleteList = patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    const key = isDeleteList ? directiveTarget(patchKey, DELETE_FROM_PRIMITIVE_LIST) : patchKey;

    if (patchValue === null) {
      delete original[key];
      continue;
    }
    const current = ownValue(original, key);
    const kind = jsonKind(patchValue);
    if (!hasKey(original, key) || jsonKind(current) !== kind) {
      // A delete list for a list the object does not have changes nothing.
      if (!isDeleteList) setNewValue(original, key, patchValue);
      continue;
    }
    if (kind === 'map') {
      const meta = fieldPatchMeta(schema, key, false);
      original[key] = meta.strategy === 'replace' ? patchValue : mergeMap(current as JsonMap, patchValue as JsonMap, meta.schema);
    } else if (kind === 'slice') {
      const meta = fieldPatchMeta(schema, key, true);
      original[key] = mergeListField(current as unknown[], patchValue as unknown[], meta, isDeleteList);
    } else {
      original[key] = patchValue;
    }
  }
  return original;
}

/** `$patch` on a map: replace keeps only the patch's keys, delete empties the map. */
function mapDirective(patch: JsonMap): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw errBadPatchType(directive, patch);
}

/** A value the object did not have (or had with another type) is taken without nulls or directives. */
function setNewValue(original: JsonMap, key: string, value: unknown): void {
  discardNulls(value);
  const kept = removeDirectives(value);
  if (kept.keep) setKey(original, key, kept.value);
  else delete original[key];
}

function discardNulls(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(discardNulls);
  } else if (isJsonMap(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else discardNulls(v);
    }
  }
}

/** Drops maps carrying `$patch` (they say what to do with something that is not there). */
function removeDirectives(value: unknown): { keep: boolean; value: unknown } {
  if (isJsonMap(value)) {
    if (hasKey(value, DIRECTIVE)) return { keep: false, value: undefined };
    for (const [k, v] of Object.entries(value)) {
      const kept = removeDirectives(v);
      if (kept.keep) value[k] = kept.value;
      else delete value[k];
    }
  } else if (Array.isArray(value)) {
    const kept = value.map(removeDirectives).filter((r) => r.keep);
    return { keep: true, value: kept.map((r) => r.value) };
  }
  return { keep: true, value };
}

/**
 * `$retainKeys: [a, b]` clears every other key of the original; the patch itself may only set
 * keys it lists.
 */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!hasKey(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw errBadRetainKeys();
  const keep = new Set(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw errBadRetainKeys();
  }
  for (const k of Object.keys(original)) {
    if (!keep.has(k)) delete original[k];
  }
}

/**
 * Handles each `$setElementOrder/<field>` with its list: merges the patch's list into the
 * original's, then orders the result by the directive, keeping items only the server has in
 * their relative place. Both keys leave the patch.
 */
function applySetElementOrder(original: JsonMap, patch: JsonMap, schema: SchemaNode | undefined): void {
  for (const [directiveKey, order] of Object.entries(patch)) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER)) continue;
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const key = directiveTarget(directiveKey, SET_ELEMENT_ORDER);
    const originalList = listOrUndefined(original, key);
    const patchList = listOrUndefined(patch, key);
    const meta = fieldPatchMeta(schema, key, true);
    checkOrderMatchesPatch(patchList ?? [], order, meta.mergeKey);

    let merged: unknown[];
    let serverOrder = originalList ?? [];
    if (originalList && patchList) ({ merged, seenAs: serverOrder } = mergeList(originalList, patchList, meta, false));
    else if (patchList) merged = removeDirectives(patchList).value as unknown[];
    else if (originalList) merged = originalList;
    else continue;

    const kind = elementKind(serverOrder, patchList ?? []);
    const [inOrder, serverOnly] = partition(merged, order, meta.mergeKey);
    original[key] = interleave(inOrder, serverOnly, order, serverOrder, meta.mergeKey, kind);
    delete patch[key];
  }
}

function listOrUndefined(m: JsonMap, key: string): unknown[] | undefined {
  if (!hasKey(m, key)) return undefined;
  const v = m[key];
  if (!Array.isArray(v)) throw errBadArgType('slice', v);
  return v;
}

/** Every item the patch list sets must appear in $setElementOrder, in the same relative order. */
function checkOrderMatchesPatch(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey) {
    requireMapItems(patchList);
    items = patchList.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
  }
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isJsonMap(items[p]) && hasKey(items[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    if (sameElement(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw patchInternal(
      `The order in patch list:\n${goString(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goString(order)}\n`,
    );
  }
}

function requireMapItems(list: unknown[]): void {
  for (const v of list) if (!isJsonMap(v)) throw errBadArgType('map', v);
}

function sameElement(a: unknown, b: unknown, mergeKey: string): boolean {
  if (!mergeKey) return a === b;
  if (!isJsonMap(a)) throw errBadArgType('map', a);
  if (!isJsonMap(b)) throw errBadArgType('map', b);
  if (!hasKey(a, mergeKey)) throw errNoMergeKey(a, mergeKey);
  if (!hasKey(b, mergeKey)) throw errNoMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}

/** Lists with the merge strategy (and delete lists, whatever the strategy) merge; others are replaced. */
function mergeListField(original: unknown[], patch: unknown[], meta: FieldPatchMeta, isDeleteList: boolean): unknown[] {
  return mergeList(original, patch, meta, isDeleteList).merged;
}

/**
 * Merges a list field. `seenAs` is the original list as Go's code sees it afterwards: it
 * deletes and appends in place in the original's backing array, and $setElementOrder then
 * orders server-only items by that array, so the result's order depends on it.
 */
function mergeList(
  original: unknown[],
  patch: unknown[],
  meta: FieldPatchMeta,
  isDeleteList: boolean,
): { merged: unknown[]; seenAs: unknown[] } {
  if (meta.strategy !== 'merge' && !isDeleteList) return { merged: patch, seenAs: original };
  if (original.length === 0 && patch.length === 0) return { merged: original, seenAs: original };
  const kind = elementKind(original, patch);
  const { mergeKey } = meta;
  if (kind !== 'map') {
    if (isDeleteList) return { merged: original.filter((v) => !patch.includes(v)), seenAs: original };
    const merged = [...new Set([...original, ...patch])];
    const [fromPatch, serverOnly] = partition(merged, patch, mergeKey);
    return { merged: interleave(fromPatch, serverOnly, patch, original, mergeKey, kind), seenAs: original };
  }
  if (!mergeKey) throw patchInternal('cannot merge lists without merge key for struct');

  const backing = new GoSlice(original);
  const { replaceWith, plain } = applyElementDirectives(backing, patch, mergeKey);
  let live: unknown[];
  let merged: unknown[];
  let patchItems = plain;
  if (replaceWith) {
    live = merged = replaceWith;
    patchItems = [];
  } else {
    live = backing.items();
    mergeByKey(backing, plain, mergeKey, meta.schema);
    merged = backing.items();
  }
  const [fromPatch, serverOnly] = partition(merged, patchItems, mergeKey);
  return {
    merged: interleave(fromPatch, serverOnly, patchItems, live, mergeKey, kind),
    seenAs: backing.window(original.length),
  };
}

/** A Go slice over its own backing array: deletes shift in place, appends reuse spare room. */
class GoSlice {
  private readonly buf: unknown[];
  private len: number;

  constructor(items: unknown[]) {
    this.buf = [...items];
    this.len = items.length;
  }

  items(): unknown[] {
    return this.buf.slice(0, this.len);
  }

  /** The first n cells of the backing array, stale ones included. */
  window(n: number): unknown[] {
    return this.buf.slice(0, n);
  }

  set(i: number, v: unknown): void {
    this.buf[i] = v;
  }

  deleteAt(i: number): void {
    this.buf.copyWithin(i, i + 1, this.len);
    this.len--;
  }

  append(v: unknown): void {
    this.buf[this.len++] = v;
  }
}

/**
 * `{name: x, $patch: delete}` removes every element with that key; `{$patch: replace}` makes
 * the list exactly the patch's other elements. Returns those other (plain) elements.
 */
function applyElementDirectives(
  live: GoSlice,
  patch: unknown[],
  mergeKey: string,
): { replaceWith?: unknown[]; plain: unknown[] } {
  let replace = false;
  const plain: unknown[] = [];
  for (const item of patch as JsonMap[]) {
    if (!hasKey(item, DIRECTIVE)) {
      plain.push(item);
      continue;
    }
    switch (item[DIRECTIVE]) {
      case 'delete': {
        if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
        for (let at = findByMergeKey(live.items(), mergeKey, item[mergeKey]); at >= 0; ) {
          live.deleteAt(at);
          at = findByMergeKey(live.items(), mergeKey, item[mergeKey]);
        }
        break;
      }
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw patchInternal('merging lists cannot yet be specified in the patch');
      default:
        throw errBadPatchType(item[DIRECTIVE], item);
    }
  }
  return replace ? { replaceWith: plain, plain } : { plain };
}

/** Patch elements merge into the live element with the same key, or are added at the end. */
function mergeByKey(live: GoSlice, patch: unknown[], mergeKey: string, schema: SchemaNode | undefined): void {
  for (const item of patch as JsonMap[]) {
    if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const items = live.items();
    const at = findByMergeKey(items, mergeKey, item[mergeKey]);
    if (at >= 0) live.set(at, mergeMap(items[at] as JsonMap, item, schema));
    else live.append(item);
  }
}

/** Splits items into those named in `by` and the rest, keeping their order. */
function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const named: unknown[] = [];
  const rest: unknown[] = [];
  for (const item of items) {
    let found: boolean;
    if (mergeKey) {
      if (!isJsonMap(item)) throw errBadArgType('map', item);
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      found = findByMergeKey(by, mergeKey, item[mergeKey]) >= 0;
    } else {
      found = by.includes(item);
    }
    (found ? named : rest).push(item);
  }
  return [named, rest];
}

/**
 * Orders the patch's items by patchOrder and the server-only items by serverOrder, then
 * interleaves them: a server-only item goes before a patch item only when the server already
 * had both and had it first. So items new to the list come before the server's remaining ones.
 */
function interleave(
  fromPatch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: JsonKind,
): unknown[] {
  const right = sortByOrder(fromPatch, patchOrder, mergeKey, kind);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (j >= right.length) {
      out.push(left[i++]);
    } else if (i >= left.length) {
      out.push(right[j++]);
    } else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}
