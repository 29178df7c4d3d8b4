import { describe, expect, it } from 'vitest';
import { kindSchema, schemaAt, typeLabel, type OpenApiDocument } from './openapi-schema';

// The shape the API server serves: references wrapped in allOf with their own description.
const doc: OpenApiDocument = {
  components: {
    schemas: {
      'io.k8s.api.apps.v1.Deployment': {
        type: 'object',
        properties: { spec: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }], description: 'Specification' } },
        'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
      },
      'io.k8s.api.apps.v1.DeploymentSpec': {
        type: 'object',
        properties: {
          replicas: { type: 'integer', format: 'int32', description: 'Number of desired pods.' },
          template: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }] },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      'io.k8s.api.core.v1.PodSpec': {
        type: 'object',
        properties: { containers: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }] } } },
      },
      'io.k8s.api.core.v1.Container': {
        type: 'object',
        properties: { imagePullPolicy: { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'] } },
      },
    },
  },
};

describe('openapi schema', () => {
  const root = kindSchema(doc, 'apps/v1', 'Deployment')!;

  it('finds the kind by its group-version-kind', () => {
    expect(root).toBeDefined();
    expect(kindSchema(doc, 'v1', 'Deployment')).toBeUndefined();
  });

  it('walks references, sequences and maps', () => {
    expect(Object.keys(schemaAt(root, ['spec'])!.schema.properties!)).toEqual(['replicas', 'template', 'labels']);
    expect(schemaAt(root, ['spec'])!.schema.description).toBe('Specification');
    expect(schemaAt(root, ['spec', 'template', 'containers', '[]', 'imagePullPolicy'])!.schema.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(schemaAt(root, ['spec', 'template', 'containers', 0])).toBeDefined();
    expect(schemaAt(root, ['spec', 'labels', 'anything'])!.schema.type).toBe('string');
    expect(schemaAt(root, ['spec', 'nope'])).toBeUndefined();
  });

  it('labels types as kubectl explain does', () => {
    const spec = schemaAt(root, ['spec'])!;
    const field = (name: string) => ({ doc, schema: spec.schema.properties![name]! });
    expect(typeLabel(field('replicas'))).toBe('integer');
    expect(typeLabel(field('template'))).toBe('PodSpec');
    expect(typeLabel(field('labels'))).toBe('map[string]string');
    expect(typeLabel({ doc, schema: schemaAt(root, ['spec', 'template'])!.schema.properties!.containers! })).toBe('[]Container');
  });
});
