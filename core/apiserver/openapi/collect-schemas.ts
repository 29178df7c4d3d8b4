// The component schemas a document needs: every $ref reachable from its paths.

import { SCHEMA_REF_PREFIX } from '../../registry/openapi/definitions';
import type { SchemaObject, SchemaResolver } from '../../registry/openapi/schema-node';

function refsIn(value: unknown, found: (name: string) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_REF_PREFIX)) found(v.slice(SCHEMA_REF_PREFIX.length));
      else refsIn(v, found);
    }
  }
}

/** Schemas referenced from root, and from those schemas, transitively; sorted by name. */
export function collectSchemas(root: unknown, resolve: SchemaResolver): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  const queue: string[] = [];
  const visit = (name: string): void => {
    if (name in out) return;
    const schema = resolve(name);
    if (!schema) return;
    out[name] = schema;
    queue.push(name);
  };
  refsIn(root, visit);
  while (queue.length) refsIn(out[queue.shift() as string], visit);
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
