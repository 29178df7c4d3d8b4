import { describe, expect, it } from 'vitest';
import { openAPIV3Document } from './documents';
import { openAPIV2Document, v2Schema, type V3Document } from './v2-document';

describe('v2Schema', () => {
  it('puts a wrapped $ref beside its description, under #/definitions/', () => {
    expect(v2Schema({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }], description: 'spec' })).toEqual({
      $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec',
      description: 'spec',
    });
  });

  it('calls a oneOf of bare types (IntOrString, Quantity) a string, as v2 does', () => {
    expect(v2Schema({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] })).toEqual({ format: 'int-or-string', type: 'string' });
  });

  it('drops what kube-apiserver drops from CRD schemas in v2', () => {
    const schema = {
      type: 'object',
      properties: {
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        maybe: { type: 'object', nullable: true, properties: { a: { type: 'string' } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
        list: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } },
      },
    };
    expect(v2Schema(schema).properties).toEqual({
      port: { 'x-kubernetes-int-or-string': true },
      maybe: {},
      free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      list: { 'x-kubernetes-preserve-unknown-fields': true },
    });
  });
});

describe('openAPIV2Document', () => {
  const doc = openAPIV2Document([
    openAPIV3Document('apps/v1', [{ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: [] }]) as V3Document,
  ]) as {
    swagger: string;
    paths: Record<string, Record<string, { consumes?: string[]; parameters?: Array<Record<string, unknown>>; responses: Record<string, unknown> }>>;
    definitions: Record<string, unknown>;
  };

  it('turns request bodies into body parameters and inlines parameter types', () => {
    const post = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments']!.post!;
    expect(post.consumes).toEqual(['*/*']);
    expect(post.parameters![0]).toEqual({ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' } });
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query', type: 'string' }));
    expect(post.responses['201']).toEqual({ description: 'Created', schema: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' } });
  });

  it('defines every schema it references', () => {
    const refs = new Set(JSON.stringify(doc).match(/"#\/[^"]+"/g));
    expect(refs.size).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^"#\/definitions\//);
      expect(doc.definitions).toHaveProperty([ref.slice('"#/definitions/'.length, -1)]);
    }
  });
});
