// What applying and diffing strategic merge patches share: the directive names, the patch
// metadata of a field (read from the OpenAPI schema), the errors with the messages and codes
// of k8s.io/apimachinery/pkg/util/strategicpatch and mergepatch, and the list ordering rules.
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { goString, goTypeName, hasKey, isJsonMap, jsonKind, type JsonKind, type JsonMap } from '../../machinery/json-value';
import { PatchError, patchBadRequest, patchInternal } from './patch-error';

export const DIRECTIVE = '$patch';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';
export const RETAIN_KEYS = '$retainKeys';

// The sentinel errors the API server answers with 400 or 422; any other strategic patch
// failure reaches the client as a 500 carrying the raw message (interpretStrategicMergePatchError).
export const errBadPrimitiveList = () => patchBadRequest('invalid patch format of primitive list');
export const errBadRetainKeys = () => patchBadRequest('invalid patch format of retainKeys');
export const errBadSetElementOrder = () => patchBadRequest('invalid patch format of setElementOrder list');
export const errListOfLists = () => new PatchError(422, 'lists of lists are not supported');

export const errNoMergeKey = (m: unknown, key: string) =>
  patchInternal(`map: ${goString(m)} does not contain declared merge key: ${key}`);

export const errBadArgType = (expected: 'map' | 'slice', actual: unknown) =>
  patchInternal(
    `expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`,
  );

export const errBadPatchType = (directive: unknown, m: JsonMap) =>
  patchInternal(`unknown patch type: ${goString(directive)} in map: ${goString(m)}`);

/** How a field is patched, from x-kubernetes-patch-strategy and x-kubernetes-patch-merge-key. */
export interface FieldPatchMeta {
  /** The schema of the field's value, or of its list items for lists. */
  schema: SchemaNode | undefined;
  /** 'merge', 'replace' or '' (the default: merge maps, replace lists). */
  strategy: string;
  retainKeys: boolean;
  mergeKey: string;
}

/**
 * A field's patch metadata. Fields the schema does not know get none, so maps under them merge
 * like a JSON merge patch and lists are replaced.
 */
export function fieldPatchMeta(schema: SchemaNode | undefined, key: string, isList: boolean): FieldPatchMeta {
  const field = schema?.field(key);
  const strategies = field?.patchStrategies ?? [];
  const others = strategies.filter((s) => s !== 'retainKeys');
  const retainKeys = others.length < strategies.length;
  if (strategies.length > 2 || (strategies.length === 2 && !retainKeys)) {
    throw patchInternal(`unexpected patch strategy: ${goString(strategies)}`);
  }
  return {
    // A list field without an items schema (a pointer in Go) patches its elements with its own.
    schema: isList ? (field?.items() ?? field) : field,
    strategy: others[0] ?? '',
    retainKeys,
    mergeKey: field?.patchMergeKey ?? '',
  };
}

/** The key a parallel-list directive ($setElementOrder/containers) applies to. */
export function directiveTarget(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ELEMENT_ORDER ? errBadSetElementOrder() : errBadPrimitiveList();
  }
  return key.slice(slash + 1);
}

/** The one kind all elements of the lists share; lists of lists and mixed lists are errors. */
export function elementKind(...lists: unknown[][]): JsonKind {
  let kind: JsonKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = jsonKind(v);
      if (kind === undefined) {
        if (k === 'slice') throw errListOfLists();
        kind = k;
      } else if (k !== kind) {
        throw patchInternal(`list element types are not identical: ${goString(lists)}`);
      }
    }
  }
  if (kind === undefined) throw patchInternal('no elements in any of the given slices');
  return kind;
}

/** What identifies a list element: its merge key value for maps, itself otherwise. */
function identity(item: unknown, mergeKey: string, kind: JsonKind): unknown {
  if (kind !== 'map') return item;
  return isJsonMap(item) ? item[mergeKey] : undefined;
}

/** The position of item in list, matching maps by merge key; -1 when absent. */
export function indexIn(list: unknown[], item: unknown, mergeKey: string, kind: JsonKind): number {
  const id = identity(item, mergeKey, kind);
  return list.findIndex((v) => identity(v, mergeKey, kind) === id);
}

/** Whether a list holds a map whose merge key has the given value. */
export function findByMergeKey(list: unknown[], mergeKey: string, value: unknown): number {
  return list.findIndex((v) => {
    if (!isJsonMap(v)) throw patchInternal(`value for key ${list.indexOf(v)} is not a map`);
    return hasKey(v, mergeKey) && v[mergeKey] === value;
  });
}

export function requireMergeKeys(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonMap(item)) throw errBadArgType('map', item);
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/**
 * Sorts items by their position in order (stable), as normalizeSliceOrder does. Maps marked
 * `$patch: delete` go last; items order does not hold (only in malformed patches) go first,
 * where Go's insertion sort tends to leave them.
 */
export function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  let toSort = items;
  let deletions: unknown[] = [];
  if (kind === 'map') {
    requireMergeKeys(mergeKey, items, order);
    toSort = items.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    deletions = items.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  const placed = toSort.map((v) => ({ v, p: indexIn(order, v, mergeKey, kind) }));
  const unplaced = placed.filter((e) => e.p < 0).map((e) => e.v);
  const sorted = placed
    .filter((e) => e.p >= 0)
    .sort((a, b) => a.p - b.p)
    .map((e) => e.v);
  return [...unplaced, ...sorted, ...deletions];
}

/** Go's fmt %v of a scalar, the key strategic patch sorts scalars and merge keys by. */
export const sortKey = (v: unknown) => goString(v);

export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
