// The schema lookup for the selected cluster: its OpenAPI v3 documents, cached per cluster.
import { useClusterStore } from '../../stores/cluster';
import { kindSchema, openApiDocument } from './openapi-schema';
import type { SchemaLookup } from './schema-assist';

export function useSchemaLookup(): SchemaLookup {
  const cluster = useClusterStore();
  return async (apiVersion, kind) => {
    const doc = await openApiDocument(cluster.status.id, apiVersion).catch(() => undefined);
    return doc && kindSchema(doc, apiVersion, kind);
  };
}
