import { describe, expect, it } from 'vitest';
import { customResourceSchemaName, openAPIV3Document, openAPIV3Hash, openAPIV3Index, type OpenAPIResource } from './documents';
import type { SchemaObject } from '../../registry/openapi/schema-node';

interface Param {
  name: string;
  in: string;
}
interface Op {
  operationId: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, unknown> };
  'x-kubernetes-action': string;
  'x-kubernetes-group-version-kind': { group: string; version: string; kind: string };
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, SchemaObject> };
}

const res = (r: Partial<OpenAPIResource> & Pick<OpenAPIResource, 'kind' | 'plural'>): OpenAPIResource => ({
  group: '',
  version: 'v1',
  namespaced: true,
  subresources: [],
  ...r,
});

const pods = res({ kind: 'Pod', plural: 'pods', subresources: ['status', 'eviction', 'log'] });
const nodes = res({ kind: 'Node', plural: 'nodes', namespaced: false, subresources: ['status'] });
const deployments = res({ group: 'apps', kind: 'Deployment', plural: 'deployments', subresources: ['status', 'scale'] });
const core = openAPIV3Document('v1', [pods, nodes]) as Doc;
const docs: Record<string, Doc> = {};
const apps = openAPIV3Document('apps/v1', [deployments]) as Doc;

const widgetSchema: SchemaObject = {
  type: 'object',
  properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
};
const widgets = res({ group: 'example.com', kind: 'Widget', plural: 'widgets', subresources: ['status'], schema: widgetSchema });
const custom = openAPIV3Document('example.com/v1', [widgets]) as Doc;
Object.assign(docs, { core, apps, custom });

describe('openAPIV3Document', () => {
  it.each([
    ['core', '/api/v1/namespaces/{namespace}/pods', ['get', 'post', 'delete'], ['list', 'post', 'deletecollection']],
    ['core', '/api/v1/namespaces/{namespace}/pods/{name}', ['get', 'put', 'patch', 'delete'], ['get', 'put', 'patch', 'delete']],
    ['core', '/api/v1/pods', ['get'], ['list']],
    ['core', '/api/v1/namespaces/{namespace}/pods/{name}/status', ['get', 'put', 'patch'], ['get', 'put', 'patch']],
    ['core', '/api/v1/namespaces/{namespace}/pods/{name}/eviction', ['post'], ['post']],
    ['core', '/api/v1/namespaces/{namespace}/pods/{name}/log', ['get'], ['connect']],
    ['core', '/api/v1/nodes', ['get', 'post', 'delete'], ['list', 'post', 'deletecollection']],
    ['core', '/api/v1/nodes/{name}', ['get', 'put', 'patch', 'delete'], ['get', 'put', 'patch', 'delete']],
    ['apps', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', ['get', 'put', 'patch'], ['get', 'put', 'patch']],
    ['apps', '/apis/apps/v1/deployments', ['get'], ['list']],
    ['custom', '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}', ['get', 'put', 'patch', 'delete'], ['get', 'put', 'patch', 'delete']],
  ])('%s %s has operations %j', (doc, path, methods, actions) => {
    const item = docs[doc].paths[path];
    expect(item).toBeDefined();
    expect(methods.map((m) => item[m]?.['x-kubernetes-action'])).toEqual(actions);
  });

  it.each([
    ['core', '/api/v1/namespaces/{namespace}/pods/{name}', { group: '', version: 'v1', kind: 'Pod' }],
    ['core', '/api/v1/nodes/{name}', { group: '', version: 'v1', kind: 'Node' }],
    ['apps', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', { group: 'apps', version: 'v1', kind: 'Deployment' }],
    ['apps', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' }],
    ['custom', '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}', { group: 'example.com', version: 'v1', kind: 'Widget' }],
  ])('%s: PATCH on %s names its kind and takes fieldValidation, dryRun, fieldManager, force', (doc, path, gvk) => {
    const patch = docs[doc].paths[path].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual(gvk);
    expect(patch.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    // Custom resources take no strategic merge patch: kubectl apply reads this to pick a JSON merge patch.
    const strategic = doc === 'custom' ? [] : ['application/strategic-merge-patch+json'];
    expect(Object.keys(patch.requestBody?.content ?? {})).toEqual([
      'application/json-patch+json',
      'application/merge-patch+json',
      ...strategic,
      'application/apply-patch+yaml',
    ]);
  });

  it.each([
    ['post', '/api/v1/namespaces/{namespace}/pods'],
    ['put', '/api/v1/namespaces/{namespace}/pods/{name}'],
  ])('%s on %s takes fieldValidation', (method, path) => {
    expect(core.paths[path][method].parameters?.map((p) => p.name)).toContain('fieldValidation');
  });

  it('gives a create-only kind (bindings, reviews) only its POST, so no path names a List schema that does not exist', () => {
    const bindings = openAPIV3Document('v1', [res({ kind: 'Binding', plural: 'bindings', verbs: ['create'] })]) as Doc;
    expect(Object.keys(bindings.paths).filter((p) => p.includes('bindings'))).toEqual(['/api/v1/namespaces/{namespace}/bindings']);
    expect(Object.keys(bindings.paths['/api/v1/namespaces/{namespace}/bindings'])).toEqual(['post', 'parameters']);
  });

  it('holds the kinds and everything they reference, and nothing else', () => {
    const names = Object.keys(core.components.schemas);
    for (const n of [
      'io.k8s.api.core.v1.Pod',
      'io.k8s.api.core.v1.PodList',
      'io.k8s.api.core.v1.Container',
      'io.k8s.api.core.v1.ContainerPort',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
      'io.k8s.apimachinery.pkg.api.resource.Quantity',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      'io.k8s.api.policy.v1.Eviction',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
      'io.k8s.api.core.v1.Node',
    ]) {
      expect(names).toContain(n);
    }
    for (const n of ['io.k8s.api.apps.v1.Deployment', 'io.k8s.api.core.v1.Service', 'io.k8s.api.batch.v1.Job']) expect(names).not.toContain(n);
    for (const n of ['io.k8s.api.autoscaling.v1.Scale', 'io.k8s.api.apps.v1.DeploymentStrategy']) expect(Object.keys(apps.components.schemas)).toContain(n);
    expect(Object.keys(apps.components.schemas)).not.toContain('io.k8s.api.core.v1.Node');
  });

  it('publishes a custom resource under its reversed-group name with ObjectMeta metadata', () => {
    const name = customResourceSchemaName('example.com', 'v1', 'Widget');
    expect(name).toBe('com.example.v1.Widget');
    const schema = custom.components.schemas[name];
    expect(schema['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'Widget' }]);
    expect(schema.properties?.spec).toEqual(widgetSchema.properties?.spec);
    expect(schema.properties?.metadata?.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
    expect(custom.components.schemas[`${name}List`]?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'WidgetList' }]);
    expect(Object.keys(custom.components.schemas)).toContain('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });

  it('has the group-version resource list path and OpenAPI 3.0 header', () => {
    expect(core.openapi).toBe('3.0.0');
    expect(core.paths['/api/v1/'].get.operationId).toBe('getCoreV1APIResources');
    expect(apps.paths['/apis/apps/v1/'].get.operationId).toBe('getAppsV1APIResources');
    expect(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get.operationId).toBe('listAppsV1NamespacedDeployment');
  });
});

describe('openAPIV3Index', () => {
  it.each([
    ['v1', 'api/v1'],
    ['apps/v1', 'apis/apps/v1'],
    ['api/v1', 'api/v1'],
    ['apis/rbac.authorization.k8s.io/v1', 'apis/rbac.authorization.k8s.io/v1'],
  ])('lists %s as %s', (gv, key) => {
    const index = openAPIV3Index([gv]) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(index.paths)).toEqual([key]);
    expect(index.paths[key].serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${key.replace(/\./g, '\\.')}\\?hash=[0-9A-F]{128}$`));
  });

  it('uses the hash given for a group-version', () => {
    const hash = openAPIV3Hash(core);
    const index = openAPIV3Index(['v1'], { v1: hash }) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1'].serverRelativeURL).toBe(`/openapi/v3/api/v1?hash=${hash}`);
    expect(openAPIV3Hash(apps)).not.toBe(hash);
  });
});

describe('field validation discovery', () => {
  // kubectl decides per kind whether the server supports fieldValidation by looking at PATCH
  // operations tagged with that kind; every one of them must carry the parameter.
  it('gives every PATCH of a kind the fieldValidation parameter (connect subresources use their options kind)', () => {
    const services = { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true, subresources: ['status', 'proxy'] };
    const doc = openAPIV3Document('v1', [pods, services]) as Doc;
    const patches = Object.entries(doc.paths).flatMap(([path, item]) => {
      const op = (item as Record<string, { 'x-kubernetes-group-version-kind'?: { kind: string }; parameters?: Array<{ name?: string }> }>).patch;
      return op ? [{ path, kind: op['x-kubernetes-group-version-kind']?.kind, params: (op.parameters ?? []).map((p) => p.name) }] : [];
    });
    for (const kind of ['Pod', 'Service']) {
      const own = patches.filter((p) => p.kind === kind);
      expect(own.length).toBeGreaterThan(0);
      for (const p of own) expect(p.params, p.path).toContain('fieldValidation');
    }
    expect(patches.find((p) => p.path.endsWith('/services/{name}/proxy'))?.kind).toBe('ServiceProxyOptions');
  });
});
