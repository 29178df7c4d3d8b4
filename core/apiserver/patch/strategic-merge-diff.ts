// The two-way strategic merge patch kubectl edit sends (strategicpatch.CreateTwoWayMergePatch):
// changed and added fields, removed fields as null, removed elements of merge-keyed lists as
// `$patch: delete`, removed scalars of merge lists in $deleteFromPrimitiveList/<field>, the new
// order of merge lists in $setElementOrder/<field>, and $retainKeys for retainKeys fields.
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { cloneJson, deepEqual, hasKey, isJsonMap, jsonKind, ownValue, setKey, type JsonMap } from '../../machinery/json-value';
import { patchInternal } from './patch-error';
import {
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  compareStrings,
  elementKind,
  fieldPatchMeta,
  requireMergeKeys,
  sortByOrder,
  sortKey,
} from './strategic-merge-common';

/**
 * What a diff leaves out (strategicpatch.DiffOptions): a three-way patch takes the changes and
 * additions from current to modified and the deletions from original to modified.
 */
export interface DiffOptions {
  ignoreDeletions?: boolean;
  ignoreChangesAndAdditions?: boolean;
}

/** The strategic merge patch that turns original into modified ({} when they are equal). */
export function createTwoWayStrategicMergePatch(
  original: unknown,
  modified: unknown,
  schema: SchemaNode | undefined,
  options: DiffOptions = {},
): JsonMap {
  return diffMaps(isJsonMap(original) ? original : {}, isJsonMap(modified) ? modified : {}, schema, false, options);
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: SchemaNode | undefined, retainKeys: boolean, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retained: string[] = [];
  const changes = !options.ignoreChangesAndAdditions;
  for (const [key, after] of Object.entries(modified)) {
    if (retainKeys && after !== null) retained.push(key);
    const before = ownValue(original, key);
    if (!hasKey(original, key)) {
      if (changes) setKey(patch, key, cloneJson(after));
    } else if (key === DIRECTIVE) {
      if (typeof before !== 'string' || typeof after !== 'string') {
        throw patchInternal(`invalid value for special key: ${DIRECTIVE}`);
      }
      if (before !== after) setKey(patch, key, after);
    } else if (jsonKind(before) !== jsonKind(after)) {
      if (changes) setKey(patch, key, cloneJson(after));
    } else if (isJsonMap(before) && isJsonMap(after)) {
      const meta = fieldPatchMeta(schema, key, false);
      if (meta.strategy === 'replace') {
        if (changes) setKey(patch, key, cloneJson(after));
      } else {
        const sub = diffMaps(before, after, meta.schema, meta.retainKeys, options);
        if (Object.keys(sub).length > 0) setKey(patch, key, sub);
      }
    } else if (Array.isArray(before) && Array.isArray(after)) {
      diffListField(key, before, after, schema, patch, options);
    } else if (changes && !deepEqual(before, after)) {
      setKey(patch, key, after);
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (!hasKey(modified, key)) setKey(patch, key, null);
    }
  }
  const clearsKeys = Object.entries(original).some(([k, v]) => v !== null && !hasKey(modified, k));
  if (retained.length > 0 && (Object.keys(patch).length > 0 || clearsKeys)) {
    patch[RETAIN_KEYS] = retained.sort(compareStrings);
  }
  return patch;
}

function diffListField(key: string, before: unknown[], after: unknown[], schema: SchemaNode | undefined, patch: JsonMap, options: DiffOptions): void {
  const meta = fieldPatchMeta(schema, key, true);
  const changes = !options.ignoreChangesAndAdditions;
  if (meta.strategy !== 'merge') {
    if (changes && !deepEqual(before, after)) setKey(patch, key, cloneJson(after));
    return;
  }
  if (before.length === 0) {
    if (changes && after.length > 0) setKey(patch, key, cloneJson(after));
    return;
  }
  const kind = elementKind(before, after);
  const diff =
    kind === 'map'
      ? diffMapLists(before, after, meta.schema, meta.mergeKey, meta.retainKeys, options)
      : diffScalarLists(before, after, options);
  if (diff.changes.length > 0) setKey(patch, key, diff.changes);
  if (diff.deletions.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = diff.deletions;
  if (diff.order && diff.order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = diff.order;
}

interface ListDiff {
  changes: unknown[];
  deletions: unknown[];
  order?: unknown[];
}

/**
 * Walks both lists sorted by merge key: changed elements become partial patches (with their
 * key), new ones are sent whole, and gone ones become `$patch: delete` after the rest.
 */
function diffMapLists(
  before: unknown[],
  after: unknown[],
  schema: SchemaNode | undefined,
  mergeKey: string,
  retainKeys: boolean,
  options: DiffOptions,
): ListDiff {
  requireMergeKeys(mergeKey, before, after);
  const keyOf = (m: unknown) => sortKey((m as JsonMap)[mergeKey]);
  const byKey = (a: unknown, b: unknown) => compareStrings(keyOf(a), keyOf(b));
  const olds = [...before].sort(byKey) as JsonMap[];
  const news = [...after].sort(byKey) as JsonMap[];
  const changes: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < olds.length || j < news.length) {
    const cmp = i >= olds.length ? 1 : j >= news.length ? -1 : compareStrings(keyOf(olds[i]), keyOf(news[j]));
    if (cmp === 0) {
      const sub = diffMaps(olds[i], news[j], schema, retainKeys, options);
      if (Object.keys(sub).length > 0) changes.push({ ...sub, [mergeKey]: news[j][mergeKey] });
      i++;
      j++;
    } else if (cmp > 0) {
      const added = news[j++];
      if (!options.ignoreChangesAndAdditions) changes.push(cloneJson(added));
    } else {
      const gone = olds[i++];
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: gone[mergeKey], [DIRECTIVE]: 'delete' });
    }
  }
  const sameOrder = before.length === after.length && before.every((v, k) => keyOf(v) === keyOf(after[k]));
  const patchList = [...sortByOrder(changes, after, mergeKey, 'map'), ...deletions];
  // diffLists: the order is sent with content changes, or order changes when changes count.
  const wantsOrder =
    (!options.ignoreChangesAndAdditions && (patchList.length > 0 || !sameOrder)) || (!options.ignoreDeletions && patchList.length > 0);
  const order = wantsOrder ? after.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] })) : undefined;
  return { changes: patchList, deletions: [], order };
}

/** Scalars of merge lists: additions in the new order, removals (deduplicated) in a parallel list. */
function diffScalarLists(before: unknown[], after: unknown[], options: DiffOptions): ListDiff {
  const byString = (a: unknown, b: unknown) => compareStrings(sortKey(a), sortKey(b));
  const olds = [...before].sort(byString);
  const news = [...after].sort(byString);
  const additions: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < olds.length || j < news.length) {
    const cmp = i >= olds.length ? 1 : j >= news.length ? -1 : byString(olds[i], news[j]);
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp > 0) {
      const added = news[j++];
      if (!options.ignoreChangesAndAdditions) additions.push(added);
    } else {
      const gone = olds[i++];
      if (!options.ignoreDeletions) deletions.push(gone);
    }
  }
  const uniqueDeletions = [...new Set(deletions)];
  const wantsOrder = (!options.ignoreDeletions && uniqueDeletions.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(before, after));
  const order = wantsOrder ? [...after] : undefined;
  return { changes: sortByOrder(additions, after, '', 'string'), deletions: uniqueDeletions, order };
}
