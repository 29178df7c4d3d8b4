// A typed walk over OpenAPI v3 schemas in Kubernetes' form (components keyed by
// io.k8s.api.core.v1.Pod, fields wrapped in allOf: [{$ref}] when they carry a default or
// description). Patch, apply and strict field validation all walk objects with it.
// Below the API server because the registry's kind definitions carry these schemas.
import { ownValue } from '../../machinery/json-value';

export interface SchemaObject {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  $ref?: string;
  allOf?: SchemaObject[];
  /** Quantity and IntOrString list their alternative types here. */
  oneOf?: SchemaObject[];
  'x-kubernetes-patch-merge-key'?: string;
  /** 'merge', 'replace', 'retainKeys' or 'merge,retainKeys'. */
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
  'x-kubernetes-unions'?: unknown[];
}

/** Looks up a component schema by name (io.k8s.api.core.v1.Pod). */
export type SchemaResolver = (name: string) => SchemaObject | undefined;

const REF_PREFIX = '#/components/schemas/';

/**
 * One position in a schema, with $ref and allOf already followed and the list/patch
 * extensions of the field that led here kept (they sit beside the $ref in Kubernetes' specs).
 */
export class SchemaNode {
  readonly schema: SchemaObject;
  /** The component this position refers to (io.k8s.api.apps.v1.DeploymentSpec), if any: its Go type. */
  readonly ref: string | undefined;
  /** Nodes of declared properties, built once: walking the same schema again is free. */
  private readonly children = new Map<string, SchemaNode>();
  /** The node every key of an additionalProperties map shares (kept once, not per key). */
  private valuesNode: SchemaNode | null | undefined;
  private itemsNode: SchemaNode | null | undefined;

  constructor(
    schema: SchemaObject,
    private readonly resolve: SchemaResolver,
  ) {
    this.schema = SchemaNode.flatten(schema, resolve);
    const target = schema.$ref ?? schema.allOf?.find((p) => p.$ref)?.$ref;
    this.ref = target?.startsWith(REF_PREFIX) ? target.slice(REF_PREFIX.length) : target;
  }

  /** Flattened schemas per resolver: every write walks the same few hundred schemas. */
  private static readonly flattened = new WeakMap<SchemaResolver, WeakMap<SchemaObject, SchemaObject>>();

  static flatten(schema: SchemaObject, resolve: SchemaResolver): SchemaObject {
    let cache = SchemaNode.flattened.get(resolve);
    if (!cache) SchemaNode.flattened.set(resolve, (cache = new WeakMap()));
    let out = cache.get(schema);
    if (!out) cache.set(schema, (out = SchemaNode.flattenUncached(schema, resolve)));
    return out;
  }

  private static flattenUncached(schema: SchemaObject, resolve: SchemaResolver): SchemaObject {
    let out: SchemaObject = { ...schema };
    const parts: SchemaObject[] = [];
    if (schema.$ref) parts.push(schema);
    if (schema.allOf) parts.push(...schema.allOf);
    for (const p of parts) {
      if (!p.$ref) {
        out = { ...p, ...out };
        continue;
      }
      const name = p.$ref.startsWith(REF_PREFIX) ? p.$ref.slice(REF_PREFIX.length) : p.$ref;
      const target = resolve(name);
      if (target) out = { ...SchemaNode.flatten(target, resolve), ...out };
    }
    delete out.$ref;
    delete out.allOf;
    return out;
  }

  /** The schema of a named property, or of a map value for additionalProperties maps. */
  field(name: string): SchemaNode | undefined {
    const known = this.children.get(name);
    if (known) return known;
    const prop = ownValue(this.schema.properties, name);
    if (prop) {
      const node = new SchemaNode(prop, this.resolve);
      this.children.set(name, node);
      return node;
    }
    if (this.valuesNode === undefined) {
      const ap = this.schema.additionalProperties;
      this.valuesNode = ap && typeof ap === 'object' ? new SchemaNode(ap, this.resolve) : null;
    }
    return this.valuesNode ?? undefined;
  }

  /** The schema of list items. */
  items(): SchemaNode | undefined {
    if (this.itemsNode === undefined) this.itemsNode = this.schema.items ? new SchemaNode(this.schema.items, this.resolve) : null;
    return this.itemsNode ?? undefined;
  }

  get type(): string | undefined {
    return this.schema.type;
  }

  get isMap(): boolean {
    return this.schema.type === 'object' && !this.schema.properties && !!this.schema.additionalProperties;
  }

  get preservesUnknownFields(): boolean {
    return this.schema['x-kubernetes-preserve-unknown-fields'] === true;
  }

  get patchMergeKey(): string | undefined {
    return this.schema['x-kubernetes-patch-merge-key'];
  }

  get patchStrategies(): string[] {
    return (this.schema['x-kubernetes-patch-strategy'] ?? '').split(',').filter(Boolean);
  }

  get listType(): 'atomic' | 'set' | 'map' | undefined {
    return this.schema['x-kubernetes-list-type'];
  }

  get listMapKeys(): string[] {
    return this.schema['x-kubernetes-list-map-keys'] ?? [];
  }

  get mapType(): 'atomic' | 'granular' | undefined {
    return this.schema['x-kubernetes-map-type'];
  }
}
