// The text objects are stored as, and how the watch cache turns it back into an object.
//
// Stored values are written with apiVersion, kind and metadata first and no resourceVersion,
// so the served JSON is the stored text with the revision spliced into metadata: no second
// JSON.stringify on every write.
//
// metadata.managedFields is about half of a typical object's parsed size (each fieldsV1 is a
// tree of small objects) yet only writes read it. The cached object therefore leaves it
// unparsed: metadata.managedFields is a getter that parses it from the served text on each
// read. Reads see an ordinary enumerable property (JSON.stringify, spreads and
// structuredClone copy its value), and every read gets a fresh copy.
import type { KubeObject } from '../machinery/object';
import { poolStrings } from './string-pool';

const METADATA = '"metadata":{';
const MANAGED_FIELDS = '"managedFields"';
/** Symbol-keyed and non-enumerable: copies of the metadata do not carry it. */
const SOURCE = Symbol('servedJson');

/**
 * Serialises an object for the store: apiVersion, kind and metadata first, no resourceVersion,
 * and managedFields last in metadata (where Go's ObjectMeta has it), so that decodeStored can
 * drop it from the parsed metadata without spoiling its shape.
 */
export function encodeForStore(obj: KubeObject): string {
  if (inStoredOrder(obj)) return JSON.stringify(obj);
  const { apiVersion, kind, metadata, ...rest } = obj;
  const { resourceVersion: _, managedFields, ...meta } = metadata;
  return JSON.stringify({ apiVersion, kind, metadata: managedFields === undefined ? meta : { ...meta, managedFields }, ...rest });
}

const LEADING = ['apiVersion', 'kind', 'metadata'];

/** Whether obj already serialises as encodeForStore writes it (a create builds it so). */
function inStoredOrder(obj: KubeObject): boolean {
  let i = 0;
  for (const k in obj) {
    if (k !== LEADING[i]) return false;
    if (++i === LEADING.length) break;
  }
  const meta = obj.metadata;
  if (i < LEADING.length || meta.resourceVersion !== undefined) return false;
  if (meta.managedFields === undefined) return true;
  let last: string | undefined;
  for (const k in meta) last = k;
  return last === 'managedFields';
}

/**
 * Where the top-level metadata object opens in text (its `{`), when metadata is among the first
 * three members as encodeForStore puts it; otherwise -1.
 */
function metadataStart(text: string): number {
  let i = 1;
  for (let member = 0; member < 3 && text.charCodeAt(i) === 0x22; member++) {
    const keyStart = i;
    i = skipString(text, i) + 1; // past the key and its colon
    if (text.startsWith(METADATA, keyStart)) return i;
    i = skipValue(text, i);
    if (text.charCodeAt(i) !== 0x2c) return -1;
    i++;
  }
  return -1;
}

function withRevision(value: string, open: number, revision: number): string {
  const rv = `"resourceVersion":"${revision}"`;
  return value.slice(0, open + 1) + (value[open + 1] === '}' ? rv : `${rv},`) + value.slice(open + 1);
}

/** Index just past the JSON string that opens at text[i] (a `"`). */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) return i + 1;
  }
  return text.length;
}

/** Index just past the JSON value (object or array) that opens at text[i]. */
function skipNested(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/**
 * The managedFields member of the metadata object opening at text[open]: the span of the
 * member with one adjoining comma, and of its array value. Only metadata's own keys are
 * looked at, so a label, an annotation or a custom resource's field of that name is not taken.
 */
function managedFieldsSpan(text: string, open: number): { member: [number, number]; value: [number, number] } | undefined {
  let i = open + 1;
  while (text.charCodeAt(i) === 0x22) {
    const keyStart = i;
    i = skipString(text, i) + 1; // past the key and its colon
    const valueStart = i;
    i = skipValue(text, i);
    if (text.startsWith(MANAGED_FIELDS, keyStart) && valueStart === keyStart + MANAGED_FIELDS.length + 1) {
      const hasNext = text.charCodeAt(i) === 0x2c;
      const member: [number, number] = hasNext ? [keyStart, i + 1] : [text.charCodeAt(keyStart - 1) === 0x2c ? keyStart - 1 : keyStart, i];
      return { member, value: [valueStart, i] };
    }
    if (text.charCodeAt(i) !== 0x2c) return undefined;
    i++;
  }
  return undefined;
}

/** Index just past the JSON value starting at text[i]. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === 0x22 ? skipString(text, i) : c === 0x7b || c === 0x5b ? skipNested(text, i) : skipScalar(text, i);
}

/** Index just past a number, true, false or null starting at text[i]. */
function skipScalar(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || c === 0x5d) return i;
  }
  return text.length;
}

function managedFieldsGetter(this: Record<symbol, string>): unknown {
  const text = this[SOURCE]!;
  const span = managedFieldsSpan(text, metadataStart(text))!;
  return JSON.parse(text.slice(span.value[0], span.value[1]));
}

/**
 * A stored value as served: the object (metadata.resourceVersion set, managedFields read
 * lazily) and its JSON text. The text is built from slices of value, which stays flat, so it
 * shares value's characters instead of copying them.
 */
export function decodeStored(value: string, revision: number): { object: KubeObject; json: string } {
  const object = JSON.parse(value) as KubeObject;
  const meta = object.metadata;
  const open = metadataStart(value);
  if (open < 0) {
    meta.resourceVersion = String(revision);
    poolStrings(object);
    return { object, json: JSON.stringify(object) };
  }
  const lazy = meta.managedFields !== undefined;
  // Parsed with the rest (JSON.parse is quicker than finding its span), then left to the getter.
  if (lazy) delete meta.managedFields;
  meta.resourceVersion = String(revision);
  poolStrings(object);
  const json = withRevision(value, open, revision);
  if (lazy) {
    Object.defineProperty(meta, SOURCE, { value: json });
    Object.defineProperty(meta, 'managedFields', { get: managedFieldsGetter, enumerable: true, configurable: true });
  }
  return { object, json };
}
