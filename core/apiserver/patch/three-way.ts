// The three-way patches of client-side apply (kubectl apply): from the last applied
// configuration (original), the new one (modified) and the live object (current), a patch that
// makes every change and addition of modified over current, and removes only what the last
// apply set and modified no longer has; fields others set stay. Strategic for built-in kinds
// (strategicpatch.CreateThreeWayMergePatch), JSON merge patch for the rest
// (jsonmergepatch.CreateThreeWayJSONMergePatch).
import type { SchemaNode } from '../../registry/openapi/schema-node';
import { cloneJson, hasKey, isJsonMap, ownValue, setKey, type JsonMap } from '../../machinery/json-value';
import { createMergePatch } from './merge-patch';
import { DIRECTIVE, SET_ELEMENT_ORDER, fieldPatchMeta } from './strategic-merge-common';
import { createTwoWayStrategicMergePatch } from './strategic-merge-diff';

/**
 * Puts the changes into the deletions (mergeMap with no parallel-list merging): maps merge,
 * merge-keyed lists merge element by element, anything else the changes' value wins.
 */
function combine(deletions: JsonMap, changes: JsonMap, schema: SchemaNode | undefined): JsonMap {
  const out = cloneJson(deletions);
  for (const [key, value] of Object.entries(changes)) {
    const before = ownValue(out, key);
    if (!hasKey(out, key) || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith('$')) {
      setKey(out, key, cloneJson(value));
    } else if (isJsonMap(before) && isJsonMap(value)) {
      setKey(out, key, combine(before, value, fieldPatchMeta(schema, key, false).schema));
    } else if (Array.isArray(before) && Array.isArray(value)) {
      const meta = fieldPatchMeta(schema, key, true);
      setKey(out, key, meta.strategy === 'merge' ? combineLists(before, value, meta.mergeKey, meta.schema) : cloneJson(value));
    } else {
      setKey(out, key, cloneJson(value));
    }
  }
  return out;
}

function combineLists(deletions: unknown[], changes: unknown[], mergeKey: string, schema: SchemaNode | undefined): unknown[] {
  const out = cloneJson(deletions);
  for (const item of changes) {
    const at = mergeKey && isJsonMap(item) ? out.findIndex((d) => isJsonMap(d) && d[mergeKey] === item[mergeKey] && d[DIRECTIVE] !== 'delete') : -1;
    if (at >= 0) out[at] = combine(out[at] as JsonMap, item as JsonMap, schema);
    else if (!out.some((d) => !isJsonMap(d) && d === item)) out.push(cloneJson(item));
  }
  return out;
}

export function createThreeWayStrategicMergePatch(original: unknown, modified: unknown, current: unknown, schema: SchemaNode | undefined): JsonMap {
  const changes = createTwoWayStrategicMergePatch(current, modified, schema, { ignoreDeletions: true });
  const deletions = createTwoWayStrategicMergePatch(original, modified, schema, { ignoreChangesAndAdditions: true });
  return combine(deletions, changes, schema);
}

/** Only the nulls of a merge patch (keep) or everything but them. */
function nulls(patch: unknown, keep: boolean): JsonMap {
  const out: JsonMap = {};
  if (!isJsonMap(patch)) return out;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (keep) setKey(out, key, null);
    } else if (isJsonMap(value) && Object.keys(value).length === 0) {
      // An explicitly empty map is a value, not an empty patch.
      if (!keep) setKey(out, key, {});
    } else if (isJsonMap(value)) {
      const sub = nulls(value, keep);
      if (Object.keys(sub).length > 0) setKey(out, key, sub);
    } else if (!keep) setKey(out, key, value);
  }
  return out;
}

export function createThreeWayJsonMergePatch(original: unknown, modified: unknown, current: unknown): JsonMap {
  const changes = nulls(createMergePatch(current ?? {}, modified ?? {}), false);
  const deletions = nulls(createMergePatch(original ?? {}, modified ?? {}), true);
  return combine(deletions, changes, undefined);
}
