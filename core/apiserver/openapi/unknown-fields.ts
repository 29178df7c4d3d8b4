// Strict field validation: which fields of an object its schema does not declare, and the
// messages the API server answers with for fieldValidation=Strict and Warn.

import { ownValue } from '../patch/json-value';
import type { SchemaNode } from './schema-node';

/** Fields every embedded resource has even when its schema leaves them out. */
const EMBEDDED_RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Paths of the fields in obj that the schema does not declare, in document order and in the
 * form of Kubernetes' strict decoding errors: "spec.foo", "spec.containers[0].bar".
 * Maps (additionalProperties) and x-kubernetes-preserve-unknown-fields accept any key; a
 * schema without a type (JSON, JSONSchemaPropsOrBool) accepts any value.
 */
export function findUnknownFields(obj: unknown, node: SchemaNode): string[] {
  const out: string[] = [];
  walk(obj, node, [], out);
  return out;
}

/** Field names and list indexes from the root. Joined only for a field reported. */
type Path = Array<string | number>;

const pathText = (path: Path): string =>
  path.reduce<string>((text, p) => (typeof p === 'number' ? `${text}[${p}]` : text ? `${text}.${p}` : p), '');

function walk(value: unknown, node: SchemaNode, path: Path, out: string[]): void {
  if (Array.isArray(value)) {
    const items = node.items();
    if (!items) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], items, path, out);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value) || node.type === undefined) return;
  const { schema } = node;
  const anyKey = isPlainObject(schema.additionalProperties);
  for (const key in value) {
    path.push(key);
    if (anyKey || ownValue(schema.properties, key) !== undefined) {
      const next = node.field(key);
      if (next) walk(value[key], next, path, out);
    } else if (
      !node.preservesUnknownFields &&
      schema.additionalProperties !== true &&
      !(schema['x-kubernetes-embedded-resource'] && EMBEDDED_RESOURCE_FIELDS.has(key))
    ) {
      out.push(pathText(path));
    }
    path.pop();
  }
}

/** The 400 message for fieldValidation=Strict on create and update (JSON or YAML bodies). */
export function unknownFieldsMessage(paths: string[]): string {
  return `strict decoding error: ${unknownFieldWarnings(paths).join(', ')}`;
}

/** The Warning headers for fieldValidation=Warn, one per field. */
export function unknownFieldWarnings(paths: string[]): string[] {
  return paths.map((p) => `unknown field "${p}"`);
}

/**
 * The error text server-side apply gives for undeclared fields (structured-merge-diff's
 * form, ".spec.foo: field not declared in schema"); callers prefix it with
 * "failed to create typed patch object (<namespace>/<name>; <gvk>): ".
 */
export function fieldNotDeclaredMessage(paths: string[]): string {
  const errors = paths.map((p) => `.${p}: field not declared in schema`);
  return errors.length === 1 ? errors[0] : `errors:\n  ${errors.join('\n  ')}`;
}
