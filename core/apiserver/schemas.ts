// Schemas by resource: built-in kinds from the generated definitions, custom resources from
// their CRD's openAPIV3Schema. Patch, apply and field validation all ask here.
import type { ResourceDef } from '../registry/types';
import { SCHEMA_REF_PREFIX, schemaNameForKind, schemaResolver } from '../registry/openapi/definitions';
import { SchemaNode, type SchemaObject } from '../registry/openapi/schema-node';

export class Schemas {
  private readonly custom = new Map<string, SchemaObject>();
  private resolve = schemaResolver();
  /** Each resource's root node (asked for on every write); nodes cache their children. */
  private roots = new WeakMap<ResourceDef, SchemaNode | undefined>();
  private listeners = new Set<(group: string, version: string) => void>();

  /** Registers (or with undefined, forgets) a custom resource's schema. */
  setCustom(group: string, version: string, kind: string, schema: SchemaObject | undefined): void {
    const key = customName(group, version, kind);
    if (schema) this.custom.set(key, schema);
    else this.custom.delete(key);
    this.resolve = schemaResolver(Object.fromEntries(this.custom));
    this.roots = new WeakMap();
    for (const l of this.listeners) l(group, version);
  }

  /** Notified with its group-version when a custom resource's schema is set or forgotten (OpenAPI). */
  onCustomChange(listener: (group: string, version: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  customSchema(group: string, version: string, kind: string): SchemaObject | undefined {
    return this.custom.get(customName(group, version, kind));
  }

  /** The schema of def's objects, or undefined when none is known (then nothing is pruned). */
  schemaFor(def: ResourceDef): SchemaNode | undefined {
    if (!this.roots.has(def)) {
      const name = schemaNameForKind(def.group, def.version, def.kind) ?? customName(def.group, def.version, def.kind);
      // Reached through its $ref, the root knows its component name (the Go type of its fields).
      this.roots.set(def, this.resolve(name) ? new SchemaNode({ $ref: SCHEMA_REF_PREFIX + name }, this.resolve) : undefined);
    }
    return this.roots.get(def);
  }
}

function customName(group: string, version: string, kind: string): string {
  return `custom.${group}.${version}.${kind}`;
}
