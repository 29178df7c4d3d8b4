// One walk of a written object against its schema, doing what decoding the body into the Go
// type does in kube-apiserver: a JSON type that does not fit a field (or an integer that does
// not fit int32/int64) is the decoder's error; nulls become what Go leaves (nothing, or a zero
// value in lists and maps); quantities are parsed and stored in canonical form. The same walk
// collects the fields the schema does not declare, for strict field validation.
import { formatQuantity, parseQuantity, quantityFormatError } from '../../machinery/quantity';
import { ownValue } from '../../machinery/json-value';
import type { SchemaNode } from '../../registry/openapi/schema-node';

export interface DecodedFields {
  /** Undeclared fields in document order: "spec.foo", "spec.containers[0].bar". */
  unknown: string[];
  /** The decoder's first error (as Go's json package words it), when the object does not decode. */
  error?: string;
}

/**
 * Checks and normalises obj in place. typed: the schema is a Go type's (built-in kinds); a
 * custom resource's schema only prunes here, its types are validated as the CRD handler does.
 * Maps (additionalProperties) and x-kubernetes-preserve-unknown-fields accept any key; a
 * schema without a type (JSON, RawExtension) accepts any value.
 */
export function decodeFields(obj: Record<string, unknown>, node: SchemaNode, typed: boolean): DecodedFields {
  const walker = new Walker(typed);
  walker.object(obj, node);
  return { unknown: walker.unknown, error: walker.error };
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/**
 * Canonical forms of quantity texts already seen: the same few ("100m", "64Mi") come in on most
 * pod templates, and parsing one costs more than the rest of the walk. Bounded, never evicted.
 */
const canonicalQuantities = new Map<string, string>();
const MAX_REMEMBERED_QUANTITIES = 4096;

/** Fields every embedded resource has even when its schema leaves them out. */
const EMBEDDED_RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** Lowest value and first value past the top, per Go integer type. */
const INT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31],
  int64: [-(2 ** 63), 2 ** 63],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How Go's decoder names a JSON value in "cannot unmarshal <value>". */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // string, number, object
}

/** The Go type behind a schema position, as reflect.Type.String() prints it. */
const goTypes = new WeakMap<SchemaNode, string>();
function goType(node: SchemaNode): string {
  let out = goTypes.get(node);
  if (out === undefined) goTypes.set(node, (out = goTypeUncached(node)));
  return out;
}

function goTypeUncached(node: SchemaNode): string {
  if (node.ref === QUANTITY) return 'resource.Quantity';
  if (node.ref === INT_OR_STRING) return 'intstr.IntOrString';
  const { schema } = node;
  switch (schema.type) {
    case 'integer':
      return schema.format ?? 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return schema.format === 'byte' ? '[]uint8' : 'string';
    case 'array':
      return `[]${goTypeOf(node.items())}`;
  }
  if (node.isMap) return `map[string]${goTypeOf(node.field(''))}`;
  // io.k8s.api.apps.v1.DeploymentSpec -> v1.DeploymentSpec
  return node.ref ? node.ref.split('.').slice(-2).join('.') : 'map[string]interface {}';
}

const goTypeOf = (node: SchemaNode | undefined): string => (node ? goType(node) : 'interface {}');

/** The Go struct name of a schema position (DeploymentSpec), for the decoder's error context. */
const structName = (node: SchemaNode): string => node.ref?.slice(node.ref.lastIndexOf('.') + 1) ?? '';

class Walker {
  readonly unknown: string[] = [];
  error: string | undefined;
  /** Field names and list indexes from the root; joined only for a field reported. */
  private readonly path: Array<string | number> = [];
  /** Go's error context: the struct fields on the way here (no indexes, no map keys)... */
  private readonly fields: string[] = [];
  /** ...and the innermost struct holding the current field. */
  private struct = '';

  constructor(private readonly typed: boolean) {}

  /** Visits a struct (or a free-form object); undeclared keys are recorded, nulls dropped. */
  object(value: Record<string, unknown>, node: SchemaNode): void {
    const { schema } = node;
    const anyKey = isPlainObject(schema.additionalProperties);
    const outer = this.struct;
    const inner = this.typed && !anyKey ? structName(node) : '';
    for (const key in value) {
      if (this.error) return;
      this.path.push(key);
      if (anyKey || ownValue(schema.properties, key) !== undefined) {
        const next = node.field(key);
        if (next) {
          const isField = this.typed && !anyKey;
          if (isField) {
            this.fields.push(key);
            this.struct = inner;
          }
          const child = value[key];
          // Go leaves a field the body sets to null at its zero value: omitted.
          if (child === null && this.typed && !anyKey && isTyped(next)) delete value[key];
          else this.set(value, key, child, next);
          if (isField) {
            this.fields.pop();
            this.struct = outer;
          }
        }
      } else if (
        !node.preservesUnknownFields &&
        schema.additionalProperties !== true &&
        !(schema['x-kubernetes-embedded-resource'] && EMBEDDED_RESOURCE_FIELDS.has(key))
      ) {
        this.unknown.push(this.pathText());
      }
      this.path.pop();
    }
  }

  private set(container: Record<string, unknown> | unknown[], key: string | number, value: unknown, node: SchemaNode): void {
    const next = this.value(value, node);
    if (next !== value) (container as Record<string | number, unknown>)[key] = next;
  }

  /** Visits one value; returns what Go would hold for it (the value itself unless normalised). */
  private value(value: unknown, node: SchemaNode): unknown {
    if (this.typed) {
      if (value === null) return zeroValue(node);
      if (node.ref === QUANTITY) return this.quantity(value);
      if (node.ref === INT_OR_STRING) return typeof value === 'string' ? value : this.integer(value, 'int32');
      const checked = this.scalar(value, node);
      if (checked !== undefined) return checked;
    } else if (typeof value !== 'object' || value === null) {
      return value;
    }
    if (Array.isArray(value)) {
      const items = node.items();
      if (items) {
        for (let i = 0; i < value.length && !this.error; i++) {
          this.path.push(i);
          this.set(value, i, value[i], items);
          this.path.pop();
        }
      }
    } else if (isPlainObject(value) && node.type !== undefined) {
      this.object(value, node);
    }
    return value;
  }

  /** Checks a value against a typed position; undefined when it is a list or object to walk. */
  private scalar(value: unknown, node: SchemaNode): unknown {
    switch (node.type) {
      case 'integer':
        return this.integer(value, node.schema.format ?? 'int64');
      case 'number':
        return typeof value === 'number' ? value : this.fail(value, node);
      case 'boolean':
        return typeof value === 'boolean' ? value : this.fail(value, node);
      case 'string':
        return typeof value === 'string' ? value : this.fail(value, node);
      case 'array':
        return Array.isArray(value) ? undefined : this.fail(value, node);
      case 'object':
        return isPlainObject(value) ? undefined : this.fail(value, node);
      default:
        return undefined;
    }
  }

  /** strconv.ParseInt and the overflow check Go's decoder does for int32 and int64 fields. */
  private integer(value: unknown, type: string): unknown {
    if (typeof value !== 'number') return this.failWith(jsonKind(value), type, value);
    const [min, max] = INT_RANGE[type] ?? INT_RANGE.int64;
    if (Number.isInteger(value) && value >= min && value < max) return value;
    return this.failWith(`number ${String(value)}`, type, value);
  }

  /** resource.Quantity's UnmarshalJSON: any JSON text is parsed; the canonical form is kept. */
  private quantity(value: unknown): unknown {
    if (typeof value === 'string') {
      const known = canonicalQuantities.get(value);
      if (known !== undefined) return known;
    }
    const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
    if (parsed) {
      const canonical = formatQuantity(parsed);
      if (typeof value === 'string' && canonicalQuantities.size < MAX_REMEMBERED_QUANTITIES) canonicalQuantities.set(value, canonical);
      return canonical;
    }
    // Not a type error: Go returns ParseQuantity's error as is, without the field.
    this.error ??= quantityFormatError;
    return value;
  }

  private fail(value: unknown, node: SchemaNode): unknown {
    return this.failWith(jsonKind(value), goType(node), value);
  }

  private failWith(kind: string, type: string, value: unknown): unknown {
    this.error ??= `json: cannot unmarshal ${kind} into Go struct field ${this.struct}.${this.fields.join('.')} of type ${type}`;
    return value;
  }

  private pathText(): string {
    return this.path.reduce<string>((text, p) => (typeof p === 'number' ? `${text}[${p}]` : text ? `${text}.${p}` : p), '');
  }
}

/** Whether Go decodes this position into a typed value (not free-form JSON). */
const isTyped = (node: SchemaNode): boolean => node.type !== undefined || node.ref === QUANTITY || node.ref === INT_OR_STRING;

/** What a null list item or map value decodes to: the element type's zero value. */
function zeroValue(node: SchemaNode): unknown {
  if (node.ref === QUANTITY) return '0';
  if (node.ref === INT_OR_STRING) return 0;
  switch (node.type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'object':
      return node.isMap ? null : {};
  }
  return null;
}
