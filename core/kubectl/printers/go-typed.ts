// An object as kubectl prints it after decoding it into its Go type (the create generators,
// expose and run work on typed objects): JSON keys in Go declaration order, map keys sorted,
// fields Go always writes added with their zero value (`creationTimestamp: null`,
// `resources: {}`, `status: {}`), empty omitempty fields dropped. The layouts come from the
// protobuf field table, which lists every built-in type's fields in declaration order.
import { layoutNames, messageLayout, type FieldSpec } from '../../registry/protobuf/field-table';

type Json = Record<string, unknown>;

/** Types with their own JSON form: passed through as they are. */
const OPAQUE = new Set(
  [
    'apimachinery.pkg.apis.meta.v1.Time',
    'apimachinery.pkg.apis.meta.v1.MicroTime',
    'apimachinery.pkg.apis.meta.v1.Duration',
    'apimachinery.pkg.apis.meta.v1.FieldsV1',
    'apimachinery.pkg.api.resource.Quantity',
    'apimachinery.pkg.util.intstr.IntOrString',
    'apimachinery.pkg.runtime.RawExtension',
    'apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
    'apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
    'apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
    'apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray',
  ].map((t) => `io.k8s.${t}`),
);

/** What those types write when zero (Time and the rest: null). */
const OPAQUE_ZERO: Record<string, unknown> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 0,
  'io.k8s.apimachinery.pkg.api.resource.Quantity': '0',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Duration': '0s',
};

const SCALARS = new Set(['string', 'bytes', 'int32', 'int64', 'uint32', 'uint64', 'bool', 'double']);

/** The schema name of a built-in kind: io.k8s.api.<package>.<version>.<Kind>. */
export function typeNameOf(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const name = `io.k8s.api.${group ? group.split('.')[0] : 'core'}.${version}.${kind}`;
  return messageLayout(name) ? name : layoutNames().find((n) => n.endsWith(`.${version}.${kind}`) && n.startsWith('io.k8s.api'));
}

function zero(type: string): unknown {
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  if (SCALARS.has(type)) return 0;
  return null;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function encodeValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  if (type.startsWith('map:')) {
    const valueType = type.slice(4);
    const sorted: Json = {};
    for (const key of Object.keys(value as Json).sort()) sorted[key] = encodeValue((value as Json)[key], valueType);
    return sorted;
  }
  if (SCALARS.has(type) || OPAQUE.has(type) || type.startsWith('[]')) return value;
  return encodeStruct(value as Json, type);
}

function encodeField(out: Json, value: Json, field: FieldSpec): void {
  if (field.inline) {
    Object.assign(out, encodeStruct(value, field.type));
    return;
  }
  const present = value[field.name];
  const struct = !SCALARS.has(field.type) && !field.type.startsWith('map:') && !field.repeated && !field.pointer;
  if (present === undefined) {
    if (struct) out[field.name] = OPAQUE.has(field.type) ? (OPAQUE_ZERO[field.type] ?? null) : encodeStruct({}, field.type);
    else if (!field.omitEmpty) out[field.name] = field.repeated || field.pointer || field.type.startsWith('map:') ? null : zero(field.type);
    return;
  }
  const isMap = field.type.startsWith('map:') && present !== null && typeof present === 'object';
  if (field.omitEmpty && !field.pointer && !struct && (isEmpty(present) || (isMap && Object.keys(present).length === 0))) return;
  out[field.name] = field.repeated && Array.isArray(present) ? present.map((v) => encodeValue(v, field.type)) : encodeValue(present, field.type);
}

function encodeStruct(value: Json, type: string): Json {
  const layout = messageLayout(type);
  if (!layout) return value;
  const out: Json = {};
  for (const field of layout.fields) encodeField(out, value, field);
  return out;
}

/** The object as its Go type would write it; unknown kinds come back unchanged. */
export function goTyped(obj: Json): Json {
  const { kind, apiVersion, ...rest } = obj as Json & { kind?: string; apiVersion?: string };
  const type = kind && apiVersion ? typeNameOf(apiVersion, kind) : undefined;
  if (!type) return obj;
  return { kind, apiVersion, ...encodeStruct(rest, type) };
}
