// The OpenAPI documents follow a custom resource's schema, not only the set of resources: an
// edited CRD schema with the same kinds must not leave kubectl explain and validation stale.
import { describe, expect, it } from 'vitest';
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { Catalog } from './catalog';
import { Schemas } from './schemas';
import { OpenApiService } from './openapi-service';
import { customResourceDef, customResourceSchema } from './crd/custom-resource-def';

const crd = (properties: Record<string, object>): CustomResourceDefinition => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties } } } } }],
  },
});

function serve(catalog: Catalog, schemas: Schemas, c: CustomResourceDefinition): void {
  const v = c.spec.versions[0]!;
  schemas.setCustom('example.com', 'v1', 'Widget', customResourceSchema(v));
  catalog.add(customResourceDef(c, v));
}

describe('OpenApiService', () => {
  it("drops the documents of a custom resource's group-version (and v2) when its schema changes", () => {
    const catalog = new Catalog();
    const schemas = new Schemas();
    const openapi = new OpenApiService(catalog, schemas);
    serve(catalog, schemas, crd({ size: { type: 'integer' } }));
    const before = openapi.document('apis/example.com/v1')!;
    const v2Before = openapi.openAPIV2();

    // What a CRD edit that keeps its kinds changes: the schema, not the resources.
    schemas.setCustom('example.com', 'v1', 'Widget', customResourceSchema(crd({ size: { type: 'integer' }, color: { type: 'string' } }).spec.versions[0]!));

    const after = openapi.document('apis/example.com/v1')!;
    expect(after.hash).not.toBe(before.hash);
    expect(JSON.parse(after.json).components.schemas['com.example.v1.Widget'].properties.spec.properties.color).toEqual({ type: 'string' });
    const v2After = openapi.openAPIV2();
    expect(v2After.etag).not.toBe(v2Before.etag);
    expect(JSON.parse(v2After.json.toString()).definitions['com.example.v1.Widget'].properties.spec.properties.color).toEqual({ type: 'string' });
  });
});
