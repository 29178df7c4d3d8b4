import { describe, expect, it } from 'vitest';
import { loadDefinitions, schemaResolver } from '../openapi/definitions';
import { SchemaNode } from '../openapi/schema-node';
import { layoutNames, messageLayout } from './field-table';

/** Schemas in our definitions that have no protobuf form in Kubernetes v1.32. */
const WITHOUT_PROTOBUF = [
  /^io\.k8s\.api\.resource\.v1alpha2\./, // removed before v1.32
  /^io\.k8s\.api\.core\.v1\.ClaimSource$/, // removed in v1.31
  /^io\.k8s\.apimachinery\.pkg\.version\.Info$/, // JSON only
];

describe('protobuf field table', () => {
  const definitions = loadDefinitions();
  const known = new Set(layoutNames());

  it('covers every schema of our definitions that has a protobuf form', () => {
    const missing = Object.keys(definitions).filter((name) => !known.has(name) && !WITHOUT_PROTOBUF.some((re) => re.test(name)));
    expect(missing).toEqual([]);
  });

  it.each([
    'io.k8s.api.core.v1.Pod',
    'io.k8s.api.core.v1.Container',
    'io.k8s.api.core.v1.Service',
    'io.k8s.api.core.v1.Secret',
    'io.k8s.api.apps.v1.DeploymentSpec',
    'io.k8s.api.batch.v1.CronJobSpec',
    'io.k8s.api.networking.v1.IngressRule',
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec',
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  ])('%s has a field number for every property of its schema', (name) => {
    const layout = messageLayout(name);
    const named = new Set(layout?.fields.filter((f) => !f.inline).map((f) => f.name));
    // Inline members (VolumeSource, IngressRuleValue) bring their own fields.
    for (const f of layout?.fields.filter((x) => x.inline) ?? []) messageLayout(f.type)?.fields.forEach((g) => named.add(g.name));
    const properties = Object.keys(new SchemaNode(definitions[name], schemaResolver()).schema.properties ?? {}).filter(
      (p) => p !== 'kind' && p !== 'apiVersion',
    );
    expect(properties.filter((p) => !named.has(p))).toEqual([]);
  });

  it.each([
    { name: 'io.k8s.api.core.v1.Pod', field: 'spec', want: { number: 2, pointer: false, omitEmpty: true } },
    { name: 'io.k8s.api.core.v1.Volume', field: 'volumeSource', want: { number: 2, inline: true } },
    { name: 'io.k8s.api.core.v1.ConfigMap', field: 'binaryData', want: { number: 3, type: 'map:bytes' } },
    { name: 'io.k8s.api.core.v1.Container', field: 'ports', want: { number: 6, repeated: true } },
    { name: 'io.k8s.api.apps.v1.DeploymentSpec', field: 'replicas', want: { number: 1, type: 'int32', pointer: true } },
    { name: 'io.k8s.api.authentication.v1.UserInfo', field: 'extra', want: { number: 4, type: 'map:[]string' } },
    { name: `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps`, field: 'maximum', want: { number: 9, type: 'double' } },
  ])('$name.$field', ({ name, field, want }) => {
    expect(messageLayout(name)?.fields.find((f) => f.name === field)).toMatchObject(want);
  });
});
