import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDefinitions, OUTPUT, renderDefinitions } from '../../../scripts/gen-openapi';
import { loadDefinitions, schemaNameForKind, schemaResolver } from './definitions';
import { SchemaNode, type SchemaObject } from './schema-node';

const defs = loadDefinitions();
const node = (name: string) => new SchemaNode({ $ref: `#/components/schemas/${name}` }, schemaResolver());

function field(path: string): SchemaNode {
  const [schema, ...fields] = path.split(':');
  let n = node(schema);
  for (const f of fields[0].split('.')) {
    const next = n.field(f) ?? n.items()?.field(f);
    if (!next) throw new Error(`no field ${f} in ${path}`);
    n = next;
  }
  return n;
}

describe('generated definitions', () => {
  it('are what the generator produces today (run npx tsx scripts/gen-openapi.ts)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(renderDefinitions(generateDefinitions()));
  });

  it.each([
    ['io.k8s.api.core.v1:PodSpec', 'containers', { mergeKey: 'name', strategies: ['merge'], listType: 'map', keys: ['name'] }],
    ['io.k8s.api.core.v1:Container', 'ports', { mergeKey: 'containerPort', strategies: ['merge'], listType: 'map', keys: ['containerPort', 'protocol'] }],
    ['io.k8s.api.core.v1:Container', 'env', { mergeKey: 'name', strategies: ['merge'], listType: 'map', keys: ['name'] }],
    ['io.k8s.api.core.v1:PodSpec', 'volumes', { mergeKey: 'name', strategies: ['merge', 'retainKeys'], listType: 'map', keys: ['name'] }],
    ['io.k8s.api.core.v1:PodSpec', 'tolerations', { mergeKey: undefined, strategies: [], listType: 'atomic', keys: [] }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1:ObjectMeta', 'ownerReferences', { mergeKey: 'uid', strategies: ['merge'], listType: 'map', keys: ['uid'] }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1:ObjectMeta', 'finalizers', { mergeKey: undefined, strategies: ['merge'], listType: 'set', keys: [] }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1:ObjectMeta', 'managedFields', { mergeKey: undefined, strategies: [], listType: 'atomic', keys: [] }],
    ['io.k8s.api.apps.v1:DeploymentSpec', 'strategy', { mergeKey: undefined, strategies: ['retainKeys'], listType: undefined, keys: [] }],
    ['io.k8s.api.core.v1:ServiceSpec', 'ports', { mergeKey: 'port', strategies: ['merge'], listType: 'map', keys: ['port', 'protocol'] }],
    ['io.k8s.api.core.v1:EphemeralContainer', 'env', { mergeKey: 'name', strategies: ['merge'], listType: 'map', keys: ['name'] }],
  ])('%s.%s carries its patch metadata', (schema, name, want) => {
    const n = node(schema.replace(':', '.')).field(name);
    expect(n && { mergeKey: n.patchMergeKey, strategies: n.patchStrategies, listType: n.listType, keys: n.listMapKeys }).toEqual(want);
  });

  it.each<[string, SchemaObject]>([
    ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }],
    ['io.k8s.apimachinery.pkg.api.resource.Quantity', { oneOf: [{ type: 'string' }, { type: 'number' }] }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', { type: 'string', format: 'date-time' }],
    ['io.k8s.apimachinery.pkg.runtime.RawExtension', { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }],
    ['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { type: 'object', 'x-kubernetes-map-type': 'atomic' }],
    ['io.k8s.api.apps.v1.Deployment', { type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'Deployment', version: 'v1' }] }],
    ['io.k8s.api.core.v1.Container', { type: 'object', required: ['name'] }],
    ['io.k8s.api.networking.v1.Ingress', { 'x-kubernetes-group-version-kind': [{ group: 'networking.k8s.io', kind: 'Ingress', version: 'v1' }] }],
    ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition', { type: 'object' }],
  ])('%s has the published shape', (name, want) => {
    expect(defs[name]).toMatchObject(want);
    expect(defs[name].description).toBeTruthy();
  });

  it.each<[string, SchemaObject]>([
    ['io.k8s.api.core.v1:Container.image', { type: 'string' }],
    ['io.k8s.api.core.v1:ContainerPort.containerPort', { type: 'integer' }],
    ['io.k8s.api.core.v1:ResourceRequirements.limits', { type: 'object', additionalProperties: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' } }],
    ['io.k8s.api.apps.v1:RollingUpdateDeployment.maxSurge', { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }] }],
    ['io.k8s.api.core.v1:PodSpec.containers', { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }], default: {} } }],
    ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1:JSONSchemaProps.maximum', { type: 'number', format: 'double' }],
    ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1:JSONSchemaProps.x-kubernetes-preserve-unknown-fields', { type: 'boolean' }],
  ])('property %s', (path, want) => {
    const [schema, prop] = path.split(':');
    const [kind, name] = prop.split('.');
    expect(defs[`${schema}.${kind}`].properties?.[name]).toMatchObject(want);
  });

  it('follows nested fields through $ref and allOf', () => {
    expect(field('io.k8s.api.apps.v1.Deployment:spec.template.spec.containers.ports').patchMergeKey).toBe('containerPort');
  });

  it.each([
    ['', 'v1', 'Pod', 'io.k8s.api.core.v1.Pod'],
    ['apps', 'v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'io.k8s.api.rbac.v1.ClusterRole'],
    ['apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition'],
    ['apps', 'v1', 'Pod', undefined],
  ])('schemaNameForKind(%j, %s, %s)', (group, version, kind, want) => {
    expect(schemaNameForKind(group, version, kind)).toBe(want);
  });

  it('resolves extra schemas before built-in ones', () => {
    const own: SchemaObject = { type: 'object' };
    const resolve = schemaResolver({ 'com.example.v1.Widget': own });
    expect(resolve('com.example.v1.Widget')).toBe(own);
    expect(resolve('io.k8s.api.core.v1.Pod')).toBe(defs['io.k8s.api.core.v1.Pod']);
  });
});
