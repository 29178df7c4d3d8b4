import { describe, expect, it } from 'vitest';
import { openAPIV3Document } from '../apiserver/openapi/documents';
import { openAPIV2Document, type V3Document } from '../apiserver/openapi/v2-document';
import { metricsDefinitions } from './metrics-openapi';

const resource = (group: string, version: string, kind: string, plural: string, namespaced: boolean) => ({
  group, version, kind, plural, namespaced, subresources: [], verbs: ['get' as const, 'list' as const], definitions: metricsDefinitions,
});

describe('metrics OpenAPI schemas', () => {
  const doc = openAPIV3Document('metrics.k8s.io/v1beta1', [
    resource('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false),
    resource('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true),
  ]) as V3Document & { components: { schemas: Record<string, { 'x-kubernetes-group-version-kind'?: unknown }> } };
  const schemas = doc.components.schemas;

  it('publishes the kinds and lists of the group-version, tagged with their group-version-kind, and what they refer to', () => {
    const p = 'io.k8s.metrics.pkg.apis.metrics.v1beta1.';
    expect(schemas[`${p}PodMetrics`]!['x-kubernetes-group-version-kind']).toEqual([{ group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics' }]);
    expect(schemas[`${p}NodeMetricsList`]!['x-kubernetes-group-version-kind']).toEqual([{ group: 'metrics.k8s.io', version: 'v1beta1', kind: 'NodeMetricsList' }]);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining([`${p}ContainerMetrics`, 'io.k8s.apimachinery.pkg.apis.meta.v1.Duration', 'io.k8s.apimachinery.pkg.api.resource.Quantity']));
    expect(Object.keys(schemas).some((n) => n.startsWith('dev.wheelhouse.'))).toBe(false);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !schemas[r])).toEqual([]);
    expect(doc.paths['/apis/metrics.k8s.io/v1beta1/namespaces/{namespace}/pods/{name}']).toBeDefined();
  });

  it('carries over to the v2 document', () => {
    const v2 = openAPIV2Document([doc]) as { definitions: Record<string, unknown> };
    expect(v2.definitions['io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics']).toMatchObject({ 'x-kubernetes-group-version-kind': [{ kind: 'PodMetrics' }] });
  });
});
