// RFC 7386 JSON merge patch (application/merge-patch+json), as the API server applies it
// (evanphx/json-patch v4 MergePatch). Written by hand: the algorithm is a dozen lines and no
// installed library does it with Kubernetes' quirks (nulls pruned inside added values, the
// "Invalid JSON Patch" answer for a patch that is neither an object nor an array).
import { cloneJson, deepEqual, hasKey, isJsonMap, ownValue, setKey, type JsonMap } from '../../machinery/json-value';
import { patchBadRequest } from './patch-error';

/** Applies a merge patch to a copy of doc. A null or scalar patch is a 400, as on a real server. */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) return pruneNulls(cloneJson(patch));
  if (!isJsonMap(patch)) throw patchBadRequest('Invalid JSON Patch');
  if (!isJsonMap(doc)) return pruneNulls(cloneJson(patch));
  return mergeInto(cloneJson(doc), cloneJson(patch));
}

function mergeInto(target: JsonMap, patch: JsonMap): JsonMap {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = ownValue(target, key);
    setKey(target, key, isJsonMap(current) && isJsonMap(value) ? mergeInto(current, value) : pruneNulls(value));
  }
  return target;
}

/** Nulls in a value that replaces (rather than merges) mean "absent": drop them from maps. */
function pruneNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(pruneNulls);
  } else if (isJsonMap(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else pruneNulls(v);
    }
  }
  return value;
}

/**
 * The merge patch that turns original into modified: changed and added keys with their new
 * values, removed keys as null, lists whole. Returns {} when they are equal.
 */
export function createMergePatch(original: unknown, modified: unknown): unknown {
  if (!isJsonMap(original) || !isJsonMap(modified)) return cloneJson(modified);
  return diffMaps(original, modified);
}

function diffMaps(original: JsonMap, modified: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [key, value] of Object.entries(modified)) {
    const before = ownValue(original, key);
    if (!hasKey(original, key)) {
      setKey(patch, key, cloneJson(value));
    } else if (isJsonMap(before) && isJsonMap(value)) {
      const sub = diffMaps(before, value);
      if (Object.keys(sub).length > 0) setKey(patch, key, sub);
    } else if (!deepEqual(before, value)) {
      setKey(patch, key, cloneJson(value));
    }
  }
  for (const key of Object.keys(original)) {
    if (!hasKey(modified, key)) setKey(patch, key, null);
  }
  return patch;
}
