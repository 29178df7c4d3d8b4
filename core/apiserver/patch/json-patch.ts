// RFC 6902 JSON patch (application/json-patch+json) as the API server applies it. The
// mutations are fast-json-patch's; the checks before each one follow evanphx/json-patch v4,
// which Kubernetes uses, because the two libraries disagree at the edges: v4 lets `replace`
// create a missing object key, accepts negative array indices, and fails `remove` on a
// missing key. Failures answer as the real server does: a body that is not a list of
// operations is a 400 with Go's decoding message, an operation that does not apply is a 422
// whose message drops the cause (kept in PatchError.detail).
import jsonpatch from 'fast-json-patch';
import { cloneJson, deepEqual, isJsonMap, type JsonMap } from '../../machinery/json-value';
import { PatchError, patchBadRequest, patchRejected } from './patch-error';

export { PatchError } from './patch-error';

/** k8s.io/apiserver's maxJSONPatchOperations. */
const MAX_OPERATIONS = 10000;

const ERR_MISSING = 'missing value';
const ERR_TEST_FAILED = 'test failed';
const ERR_INVALID_INDEX = 'invalid index referenced';

type Operation = JsonMap;
type Container = JsonMap | unknown[];

/** Where a path points: the container holding the last token, and that token, decoded. */
interface Location {
  container: Container;
  key: string;
  /** The path with every array index made non-negative, for fast-json-patch. */
  pointer: string;
}

/** Applies a JSON patch to a copy of doc. Throws PatchError (400, 413 or 422). */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  const ops = decodePatch(patch);
  if (ops.length > MAX_OPERATIONS) {
    throw new PatchError(
      413,
      `The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${ops.length}`,
    );
  }
  let result = cloneJson(doc);
  for (const op of ops) {
    let outcome: { doc: unknown } | string;
    try {
      outcome = applyOperation(result, op);
    } catch (err) {
      // fast-json-patch refuses __proto__ and constructor/prototype paths.
      outcome = err instanceof Error ? err.message : String(err);
    }
    if (typeof outcome === 'string') throw patchRejected(outcome);
    result = outcome.doc;
  }
  return result;
}

function decodePatch(patch: unknown): Array<Operation | null> {
  if (patch === null || patch === undefined) return [];
  if (!Array.isArray(patch)) throw patchBadRequest(goUnmarshalError(patch, 'jsonpatch.Patch'));
  for (const op of patch) {
    if (op !== null && !isJsonMap(op)) throw patchBadRequest(goUnmarshalError(op, 'jsonpatch.Operation'));
  }
  return patch as Array<Operation | null>;
}

/** encoding/json's UnmarshalTypeError text. */
function goUnmarshalError(value: unknown, goType: string): string {
  const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
  return `json: cannot unmarshal ${kind} into Go value of type ${goType}`;
}

/** The patched document, or the reason the operation does not apply. */
function applyOperation(doc: unknown, op: Operation | null): { doc: unknown } | string {
  const kind = typeof op?.op === 'string' ? op.op : 'unknown';
  if (!op) return `Unexpected kind: ${kind}`;
  switch (kind) {
    case 'add':
      return add(doc, op);
    case 'remove':
      return remove(doc, op);
    case 'replace':
      return replace(doc, op);
    case 'move':
      return move(doc, op);
    case 'copy':
      return copy(doc, op);
    case 'test':
      return test(doc, op);
    default:
      return `Unexpected kind: ${kind}`;
  }
}

/** A string field of an operation, or Go's complaint about it. */
function stringField(op: Operation, field: 'path' | 'from'): { value: string } | { error: string } {
  const v = op[field];
  if (v === undefined || v === null) {
    return { error: field === 'path' ? `operation missing path field: ${ERR_MISSING}` : `operation, missing from field: ${ERR_MISSING}` };
  }
  if (typeof v !== 'string') return { error: goUnmarshalError(v, 'string') };
  return { value: v };
}

/** A missing "value" is null, as v4 marshals an absent node. */
const valueOf = (op: Operation): unknown => cloneJson(op.value ?? null);

function add(doc: unknown, op: Operation): { doc: unknown } | string {
  const path = stringField(op, 'path');
  if ('error' in path) return `add operation failed to decode path: ${ERR_MISSING}`;
  const loc = locate(doc, path.value);
  if (!loc) return `add operation does not apply: doc is missing path: "${path.value}": ${ERR_MISSING}`;
  return addAt(doc, loc, valueOf(op), `error in add for path: '${path.value}'`);
}

function addAt(doc: unknown, loc: Location, value: unknown, context: string): { doc: unknown } | string {
  let pointer = loc.pointer;
  if (Array.isArray(loc.container) && loc.key !== '-') {
    const index = arrayIndex(loc.key, loc.container.length + 1);
    if (typeof index === 'string') return `${context}: ${index}`;
    pointer = replaceLastToken(pointer, String(index));
  }
  return { doc: jsonpatch.applyOperation(doc, { op: 'add', path: pointer, value }).newDocument };
}

function remove(doc: unknown, op: Operation): { doc: unknown } | string {
  const path = stringField(op, 'path');
  if ('error' in path) return `remove operation failed to decode path: ${ERR_MISSING}`;
  const loc = locate(doc, path.value);
  if (!loc) return `remove operation does not apply: doc is missing path: "${path.value}": ${ERR_MISSING}`;
  const removed = removeAt(doc, loc);
  return typeof removed === 'string' ? `error in remove for path: '${path.value}': ${removed}` : removed;
}

function removeAt(doc: unknown, loc: Location): { doc: unknown; value: unknown } | string {
  const found = valueAt(loc);
  if (typeof found === 'string') return found;
  if (!found.present) return `Unable to remove nonexistent key: ${loc.key}: ${ERR_MISSING}`;
  const pointer = replaceLastToken(loc.pointer, found.token);
  return { doc: jsonpatch.applyOperation(doc, { op: 'remove', path: pointer }).newDocument, value: found.value };
}

function replace(doc: unknown, op: Operation): { doc: unknown } | string {
  const path = stringField(op, 'path');
  if ('error' in path) return `replace operation failed to decode path: ${path.error}`;
  const value = valueOf(op);
  // v4 wraps a nil error when the new root is a scalar, so that replace does nothing.
  if (path.value === '') return { doc: isJsonMap(value) || Array.isArray(value) ? value : doc };
  const loc = locate(doc, path.value);
  if (!loc) return `replace operation does not apply: doc is missing path: ${path.value}: ${ERR_MISSING}`;
  const found = valueAt(loc);
  if (typeof found === 'string') return `replace operation does not apply: doc is missing key: ${path.value}: ${ERR_MISSING}`;
  const pointer = replaceLastToken(loc.pointer, found.token);
  return { doc: jsonpatch.applyOperation(doc, { op: 'replace', path: pointer, value }).newDocument };
}

function move(doc: unknown, op: Operation): { doc: unknown } | string {
  const from = stringField(op, 'from');
  if ('error' in from) return `move operation failed to decode from: ${from.error}`;
  const source = locate(doc, from.value);
  if (!source) return `move operation does not apply: doc is missing from path: ${from.value}: ${ERR_MISSING}`;
  const removed = removeAt(doc, source);
  if (typeof removed === 'string') return `error in move for path: '${source.key}': ${removed}`;
  const path = stringField(op, 'path');
  if ('error' in path) return `move operation failed to decode path: ${path.error}`;
  const target = locate(removed.doc, path.value);
  if (!target) return `move operation does not apply: doc is missing destination path: ${path.value}: ${ERR_MISSING}`;
  return addAt(removed.doc, target, removed.value, `error in move for path: '${path.value}'`);
}

function copy(doc: unknown, op: Operation): { doc: unknown } | string {
  const from = stringField(op, 'from');
  if ('error' in from) return `copy operation failed to decode from: ${from.error}`;
  const source = locate(doc, from.value);
  if (!source) return `copy operation does not apply: doc is missing from path: ${from.value}: ${ERR_MISSING}`;
  const found = valueAt(source);
  if (typeof found === 'string') return `error in copy for from: '${from.value}': ${found}`;
  const path = stringField(op, 'path');
  if ('error' in path) return `copy operation failed to decode path: ${ERR_MISSING}`;
  const target = locate(doc, path.value);
  if (!target) return `copy operation does not apply: doc is missing destination path: ${path.value}: ${ERR_MISSING}`;
  // v4 copies a missing object key as null.
  return addAt(doc, target, cloneJson(found.value), 'error while adding value during copy');
}

function test(doc: unknown, op: Operation): { doc: unknown } | string {
  const path = stringField(op, 'path');
  if ('error' in path) return `test operation failed to decode path: ${path.error}`;
  const failed = `testing value ${path.value} failed: ${ERR_TEST_FAILED}`;
  const expected = op.value ?? null;
  if (path.value === '') return deepEqual(doc, expected) ? { doc } : failed;
  const loc = locate(doc, path.value);
  if (!loc) return `test operation does not apply: is missing path: ${path.value}: ${ERR_MISSING}`;
  const found = valueAt(loc);
  if (typeof found === 'string') return `error in test for path: '${path.value}': ${found}`;
  // A missing object key passes a test for null.
  return deepEqual(found.value ?? null, expected) ? { doc } : failed;
}

/** Resolves every token but the last, as v4's findObject does: each must be a map or list. */
function locate(doc: unknown, path: string): Location | undefined {
  const tokens = path.split('/');
  if (tokens.length < 2) return undefined;
  const normalized: string[] = [];
  let current: unknown = doc;
  for (const raw of tokens.slice(1, -1)) {
    if (!isJsonMap(current) && !Array.isArray(current)) return undefined;
    const found = valueAt({ container: current, key: decodeToken(raw) });
    if (typeof found === 'string') return undefined;
    normalized.push(Array.isArray(current) ? found.token : raw);
    current = found.value;
  }
  if (!isJsonMap(current) && !Array.isArray(current)) return undefined;
  const last = tokens[tokens.length - 1];
  return { container: current, key: decodeToken(last), pointer: ['', ...normalized, last].join('/') };
}

/** The value at a location: for lists the index must exist; for maps absence is not an error. */
function valueAt(loc: Pick<Location, 'container' | 'key'>): { present: boolean; value: unknown; token: string } | string {
  const { container, key } = loc;
  if (Array.isArray(container)) {
    const index = arrayIndex(key, container.length);
    if (typeof index === 'string') return index;
    return { present: true, value: container[index], token: String(index) };
  }
  const present = Object.prototype.hasOwnProperty.call(container, key);
  return { present, value: present ? container[key] : null, token: escapeToken(key) };
}

/** A list index in [0, length), negative ones counting from the end (v4 allows them). */
function arrayIndex(key: string, length: number): number | string {
  if (!/^[+-]?\d+$/.test(key)) return `strconv.Atoi: parsing "${key}": invalid syntax`;
  let index = Number(key);
  if (index < 0) index += length;
  if (index < 0 || index >= length) return `Unable to access invalid index: ${Number(key)}: ${ERR_INVALID_INDEX}`;
  return index;
}

const decodeToken = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');
const escapeToken = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');

function replaceLastToken(pointer: string, token: string): string {
  return `${pointer.slice(0, pointer.lastIndexOf('/'))}/${token}`;
}
