// Validates custom resources against their CRD's structural schema, with the messages
// kube-apiserver gives ("spec.replicas in body must be of type integer: \"string\"").
// Kubernetes' validator is kube-openapi's; no JS library speaks its dialect
// (x-kubernetes-int-or-string, nullable, its messages), hence this small walker.
import type { JSONSchemaProps as Props } from 'kubernetes-types/apiextensions/v1';
import type { FieldError } from '../../machinery/field-errors';
import { ownValue } from '../../machinery/json-value';

/** kubernetes-types leaves the x-kubernetes-* extensions out of JSONSchemaProps. */
type JSONSchemaProps = Props & { 'x-kubernetes-int-or-string'?: boolean };

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(schema: JSONSchemaProps, v: unknown): boolean {
  const t = typeOf(v);
  if (v === null) return schema.nullable === true;
  if (schema['x-kubernetes-int-or-string']) return t === 'integer' || t === 'string';
  if (!schema.type) return true;
  if (schema.type === 'number') return t === 'number' || t === 'integer';
  return schema.type === t;
}

export function validateAgainstSchema(v: unknown, schema: JSONSchemaProps, path: string, out: FieldError[] = []): FieldError[] {
  const at = (p: string) => p || '<root>';
  if (!typeMatches(schema, v)) {
    const want = schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
    out.push({ type: 'FieldValueTypeInvalid', field: at(path), value: v, detail: `${at(path)} in body must be of type ${want}: "${typeOf(v)}"` });
    return out;
  }
  if (v === null) return out;
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
    out.push({ type: 'FieldValueNotSupported', field: at(path), value: v, supported: schema.enum.map((e) => String(e)) });
  }
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? v <= schema.minimum : v < schema.minimum)) {
      out.push({ type: 'FieldValueInvalid', field: at(path), value: v, detail: `${at(path)} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}` });
    }
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? v >= schema.maximum : v > schema.maximum)) {
      out.push({ type: 'FieldValueInvalid', field: at(path), value: v, detail: `${at(path)} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}` });
    }
  }
  if (typeof v === 'string') {
    if (schema.maxLength !== undefined && v.length > schema.maxLength) {
      out.push({ type: 'FieldValueTooLong', field: at(path), value: v, detail: `may not be more than ${schema.maxLength} bytes` });
    }
    if (schema.minLength !== undefined && v.length < schema.minLength) {
      out.push({ type: 'FieldValueInvalid', field: at(path), value: v, detail: `${at(path)} in body should be at least ${schema.minLength} chars long` });
    }
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(v)) {
      out.push({ type: 'FieldValueInvalid', field: at(path), value: v, detail: `${at(path)} in body should match '${schema.pattern}'` });
    }
  }
  if (Array.isArray(v)) {
    if (schema.maxItems !== undefined && v.length > schema.maxItems) {
      out.push({ type: 'FieldValueTooMany', field: at(path), value: v.length, detail: `must have at most ${schema.maxItems} items` });
    }
    if (schema.minItems !== undefined && v.length < schema.minItems) {
      out.push({ type: 'FieldValueInvalid', field: at(path), value: v, detail: `${at(path)} in body should have at least ${schema.minItems} items` });
    }
    const items = schema.items as JSONSchemaProps | undefined;
    if (items && !Array.isArray(items)) v.forEach((x, i) => validateAgainstSchema(x, items, `${path}[${i}]`, out));
  } else if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    for (const r of schema.required ?? []) {
      if (obj[r] === undefined) out.push({ type: 'FieldValueRequired', field: path ? `${path}.${r}` : r });
    }
    for (const [k, x] of Object.entries(obj)) {
      const child = ownValue(schema.properties, k) ?? (typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as JSONSchemaProps) : undefined);
      if (child) validateAgainstSchema(x, child, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}
