import { describe, expect, it } from 'vitest';
import { schemaResolver } from '../../registry/openapi/definitions';
import { SchemaNode, type SchemaObject } from '../../registry/openapi/schema-node';
import { decodeFields } from './field-decoder';
import { unknownFieldsMessage, unknownFieldWarnings } from './unknown-fields';

const builtIn = (name: string) => new SchemaNode({ $ref: `#/components/schemas/${name}` }, schemaResolver());

const crd: SchemaObject = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        size: { type: 'integer' },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { mode: { type: 'object', properties: { a: { type: 'string' } } } } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        anything: { type: 'object', additionalProperties: true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: {} } } },
        items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
};
const crdNode = new SchemaNode(crd, schemaResolver());

describe('undeclared fields', () => {
  it.each<[string, SchemaNode, Record<string, unknown>, string[]]>([
    ['a valid pod', builtIn('io.k8s.api.core.v1.Pod'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } }, []],
    ['a field in spec', builtIn('io.k8s.api.core.v1.Pod'), { spec: { foo: 1, containers: [] } }, ['spec.foo']],
    ['fields inside list items', builtIn('io.k8s.api.core.v1.Pod'), { spec: { containers: [{ name: 'a' }, { name: 'b', bar: true, ports: [{ containerPort: 1, hostport: 2 }] }] } }, ['spec.containers[1].bar', 'spec.containers[1].ports[0].hostport']],
    ['a top-level field', builtIn('io.k8s.api.core.v1.ConfigMap'), { data: { any: 'key' }, extra: 1 }, ['extra']],
    ['metadata through allOf', builtIn('io.k8s.api.apps.v1.Deployment'), { metadata: { nme: 'x' }, spec: { template: { metadata: { labelz: {} } } } }, ['metadata.nme', 'spec.template.metadata.labelz']],
    ['quantities and int-or-string values', builtIn('io.k8s.api.apps.v1.Deployment'), { spec: { strategy: { rollingUpdate: { maxSurge: '25%' } }, template: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: '1' } } }] } } } }, []],
    ['raw extensions', builtIn('io.k8s.api.apps.v1.ControllerRevision'), { revision: 1, data: { whatever: { deep: 1 } } }, []],
    ['a CRD-typed field', crdNode, { spec: { size: 1, colour: 'red' } }, ['spec.colour']],
    ['preserved unknown fields, known ones still checked', crdNode, { spec: { config: { free: 1, mode: { a: 'x', b: 'y' } } } }, ['spec.config.mode.b']],
    ['maps', crdNode, { spec: { labels: { x: 'y' }, anything: { deep: { er: 1 } } } }, []],
    ['embedded resources', crdNode, { spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: {}, other: 1 } } }, ['spec.template.other']],
    ['names of Object.prototype members', builtIn('io.k8s.api.core.v1.ConfigMap'), { metadata: { constructor: 'x', toString: 1 }, data: { constructor: 'kept' }, hasOwnProperty: {} }, ['metadata.constructor', 'metadata.toString', 'hasOwnProperty']],
    ['names of Object.prototype members in a CRD', crdNode, { spec: { constructor: 1, labels: { valueOf: 'kept' } } }, ['spec.constructor']],
    ['list items of a CRD', crdNode, { spec: { items: [{ name: 'a' }, { nam: 'b' }] } }, ['spec.items[1].nam']],
    ['JSONSchemaProps with x-kubernetes extensions', builtIn('io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps'), { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string', default: { any: 1 } } }, additionalProperties: false, bogus: 1 }, ['bogus']],
  ])('%s', (_name, node, obj, want) => {
    expect(decodeFields(obj, node, node !== crdNode).unknown).toEqual(want);
  });
});

describe('messages', () => {
  it.each([
    [['spec.foo'], 'strict decoding error: unknown field "spec.foo"'],
    [['spec.foo', 'spec.containers[0].bar'], 'strict decoding error: unknown field "spec.foo", unknown field "spec.containers[0].bar"'],
  ])('unknownFieldsMessage(%j)', (paths, want) => {
    expect(unknownFieldsMessage(paths)).toBe(want);
  });

  it('gives one warning per field', () => {
    expect(unknownFieldWarnings(['spec.foo', 'bar'])).toEqual(['unknown field "spec.foo"', 'unknown field "bar"']);
  });
});
