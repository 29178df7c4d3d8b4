// What a typed Go API server does to JSON by decoding it into its structs and encoding it
// again: fields tagged omitempty disappear when empty (labels: {} after the last label is
// removed, data: {} ...), nil pointers and lists disappear. Objects here are stored and served
// as that round trip would leave them, using the Go field facts of the protobuf table.
import { messageLayout } from '../protobuf/field-table';
import { SPECIAL_JSON } from '../protobuf/special-json';

const SCALAR = new Set(['string', 'bytes', 'int32', 'int64', 'uint32', 'uint64', 'bool', 'double']);

const isZeroScalar = (v: unknown) => v === '' || v === 0 || v === false;
const isEmpty = (v: unknown) =>
  (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function normalizeValue(v: unknown, type: string): void {
  if (v === null || typeof v !== 'object') return;
  if (type.startsWith('[]')) {
    if (Array.isArray(v)) for (const x of v) normalizeValue(x, type.slice(2));
    return;
  }
  if (type.startsWith('map:')) {
    if (!Array.isArray(v)) for (const x of Object.values(v)) normalizeValue(x, type.slice(4));
    return;
  }
  if (!Array.isArray(v)) normalizeObject(v as Record<string, unknown>, type);
}

/** Applies the Go round trip to obj, an instance of the schema named schemaName, in place. */
export function normalizeObject(obj: Record<string, unknown>, schemaName: string): void {
  if (SCALAR.has(schemaName) || SPECIAL_JSON[schemaName]) return;
  const layout = messageLayout(schemaName);
  if (!layout) return;
  for (const f of layout.fields) {
    if (f.inline) {
      normalizeObject(obj, f.type);
      continue;
    }
    if (!(f.name in obj)) continue;
    const v = obj[f.name];
    const collection = f.repeated || f.type.startsWith('map:') || f.type.startsWith('[]');
    if (v === null) {
      // A struct that is not a pointer survives as its zero value, which Time encodes as null
      // (lastProbeTime: null, creationTimestamp: null in templates): only other nulls go.
      const struct = !collection && !SCALAR.has(f.type);
      if (f.pointer || collection || (f.omitEmpty && !struct)) delete obj[f.name];
      continue;
    }
    if (f.omitEmpty && !f.pointer && ((collection && isEmpty(v)) || (SCALAR.has(f.type) && isZeroScalar(v)))) {
      delete obj[f.name];
      continue;
    }
    normalizeValue(v, f.repeated && !f.type.startsWith('[]') ? `[]${f.type}` : f.type);
  }
}
