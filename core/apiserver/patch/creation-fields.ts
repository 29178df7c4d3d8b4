// The fieldsV1 a create gives its manager, walked straight off the new object. The general path
// (compareObjects of the object against its Go zero value, then set algebra on the tries, then
// toFieldsV1) costs a create about as much as the rest of the registry together, and most of
// its allocations; a create has no old object and no other manager, so the result is simply
// every path the object sets, apart from the zero value's structs, the fields the strategy
// resets, and the fields the server owns. managed-fields.test.ts checks both paths agree.
import type { SchemaNode } from '../../registry/openapi/schema-node';
import {
  comparePathElements,
  FieldSet,
  indexItems,
  isEmptyContainer,
  serializePathElement,
  shapeOf,
  type FieldPath,
  type FieldsV1,
  type PathElement,
  type Shape,
} from './field-set';
import { deepEqual, isJsonMap, ownValue, type JsonMap } from '../../machinery/json-value';

/**
 * How the zero object stands at a path: absent, one of Go's value structs (metadata, spec, ...:
 * present though empty), or PodSpec's non-omitempty containers list (null).
 */
type Zero = 'none' | 'struct' | 'null';

export interface CreationFilters {
  /** Removed with everything below (the strategy's reset fields). */
  reset?: FieldSet;
  /** Removed themselves, their children kept (the server's fields). */
  server?: FieldSet;
}

// Go's zero value of a built-in kind already holds its non-pointer structs (metadata, spec,
// template, strategy...) and PodSpec's non-omitempty containers list; the real server diffs a
// create against that zero object, so those paths do not count as newly added. The OpenAPI
// schema does not say which structs are values, so the well-known ones are named here.
const VALUE_STRUCTS = new Set(['metadata', 'spec', 'status', 'template', 'strategy', 'updateStrategy', 'jobTemplate']);

const hasContainersList = (schema: SchemaNode): boolean =>
  !!schema.schema.properties?.containers && schema.field('containers')?.type === 'array';

const declaredField = (schema: SchemaNode | undefined, name: string): SchemaNode | undefined =>
  ownValue(schema?.schema.properties, name) ? schema!.field(name) : undefined;

/** The schema of field name holding v when it is one of Go's value structs (VALUE_STRUCTS). */
function valueStruct(schema: SchemaNode | undefined, name: string, v: unknown): SchemaNode | undefined {
  if (!VALUE_STRUCTS.has(name) || !isJsonMap(v)) return undefined;
  const declared = declaredField(schema, name);
  return declared?.schema.properties ? declared : undefined;
}

/** The Go zero value of a built-in object like value (its value structs and containers list). */
export function zeroValue(value: JsonMap, schema: SchemaNode): JsonMap {
  const out: JsonMap = {};
  if (hasContainersList(schema)) out.containers = null;
  for (const [k, v] of Object.entries(value)) {
    const struct = valueStruct(schema, k, v);
    if (struct) out[k] = zeroValue(v as JsonMap, struct);
  }
  return out;
}

/**
 * The fieldsV1 of a create (undefined when it sets nothing a manager can own). zeroStructs: the
 * kind is built in, so it is compared against its Go zero value (else against nothing). Throws
 * FieldPathError on a list the schema cannot key, as compareObjects does.
 */
export function creationFieldsV1(obj: JsonMap, schema: SchemaNode | undefined, zeroStructs: boolean, filters: CreationFilters): FieldsV1 | undefined {
  // The root is never a member itself: only its fields count.
  return new CreationWalker().mapFields(obj, schema, zeroStructs && schema ? 'struct' : 'none', filters.reset, filters.server);
}

interface WalkResult {
  member: boolean;
  children?: FieldsV1;
}

class CreationWalker {
  /** Only for error messages: the path being walked. */
  private readonly path: FieldPath = [];

  /** The fieldsV1 of a map's fields, in order; undefined when none is owned. */
  mapFields(m: JsonMap, schema: SchemaNode | undefined, zero: Zero, reset: FieldSet | undefined, server: FieldSet | undefined): FieldsV1 | undefined {
    let out: FieldsV1 | undefined;
    const zeroContainers = zero === 'struct' && !!schema && hasContainersList(schema);
    for (const k of sortedKeys(m)) {
      const v = m[k];
      if (v === undefined) continue;
      const id = `f:${k}`;
      if (reset?.hasMemberId(id)) continue;
      let childZero: Zero = 'none';
      if (zero === 'struct') {
        if (valueStruct(schema, k, v)) childZero = 'struct';
        else if (k === 'containers' && zeroContainers) childZero = 'null';
      }
      this.path.push({ field: k });
      const r = this.walk(v, schema?.field(k), childZero, reset?.belowId(id), server?.belowId(id));
      this.path.pop();
      const member = r.member && !server?.hasMemberId(id);
      const entry = entryOf(member, r.children);
      if (entry) (out ??= {})[id] = entry;
    }
    return out;
  }

  /** compareAt(zero, v) reduced to what a create needs: whether v's path is owned, and below. */
  private walk(v: unknown, schema: SchemaNode | undefined, zero: Zero, reset: FieldSet | undefined, server: FieldSet | undefined): WalkResult {
    const shape = shapeOf(schema, v);
    const empty = isEmptyContainer(v);
    if (shape.kind === 'leaf' || shape.atomic || (empty && zero !== 'struct')) {
      // Absent in the zero object: added. Present: owned only where it differs.
      if (zero === 'none') return { member: true };
      if (zero === 'null') return { member: v !== null };
      return { member: !deepEqual(zeroValue(v as JsonMap, schema!), v) };
    }
    if (shape.kind === 'map') {
      return { member: zero === 'none', children: this.mapFields(v as JsonMap, schema, zero, reset, server) };
    }
    return { member: zero === 'none', children: this.listItems(v as unknown[], shape, reset, server) };
  }

  private listItems(
    list: unknown[],
    shape: Extract<Shape, { kind: 'list' }>,
    reset: FieldSet | undefined,
    server: FieldSet | undefined,
  ): FieldsV1 | undefined {
    const groups = [...indexItems(this.path, shape, list).values()].sort((a, b) => comparePathElements(a.pe, b.pe));
    let out: FieldsV1 | undefined;
    for (const { pe, items } of groups) {
      if (reset?.hasMember(pe)) continue;
      let children: FieldsV1 | undefined;
      // Duplicated items can only be owned whole.
      if (items.length === 1) {
        this.path.push(pe);
        children = this.walk(items[0], shape.item, 'none', child(reset, pe), child(server, pe)).children;
        this.path.pop();
      }
      const entry = entryOf(!server?.hasMember(pe), children);
      if (entry) (out ??= {})[serializePathElement(pe)] = entry;
    }
    return out;
  }
}

const child = (set: FieldSet | undefined, pe: PathElement): FieldSet | undefined => set?.below(pe);

/**
 * m's keys in code-unit order. Most maps here have a handful of keys: insertion sort in place
 * spares them the work arrays Array.prototype.sort allocates on every call.
 */
function sortedKeys(m: JsonMap): string[] {
  const keys = Object.keys(m);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  return keys;
}

/** A path's fieldsV1 entry: "." marks a member that also has children. */
function entryOf(member: boolean, children: FieldsV1 | undefined): FieldsV1 | undefined {
  if (!children) return member ? {} : undefined;
  return member ? { '.': {}, ...children } : children;
}
