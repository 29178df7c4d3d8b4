// The schema of one of kubectl's compiled-in kinds (scheme.Scheme.New(gvk)), which kubectl needs
// to build or apply a strategic merge patch itself; undefined for kinds it does not know
// (custom resources), where kubectl falls back to JSON merge patches.
import { SCHEMA_REF_PREFIX, schemaNameForKind, schemaResolver } from '../../registry/openapi/definitions';
import { SchemaNode } from '../../registry/openapi/schema-node';

let resolve: ReturnType<typeof schemaResolver> | undefined;

export function builtInSchema(apiVersion: string, kind: string): SchemaNode | undefined {
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const name = schemaNameForKind(group, version, kind);
  if (!name) return undefined;
  resolve ??= schemaResolver();
  return new SchemaNode({ $ref: SCHEMA_REF_PREFIX + name }, resolve);
}
