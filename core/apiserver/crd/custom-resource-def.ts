// Turns one served version of a CustomResourceDefinition into the ResourceDef the API server
// serves: names and scope from the CRD, schema validation, status and scale subresources,
// and a printer from additionalPrinterColumns.
import type { CustomResourceDefinition, CustomResourceDefinitionVersion, JSONSchemaProps } from 'kubernetes-types/apiextensions/v1';
import type { KubeObject } from '../../machinery/object';
import type { ResourceDef, Strategy } from '../../registry/types';
import type { SchemaObject } from '../../registry/openapi/schema-node';
import { customResourcePrinter } from './printer-columns';
import { validateAgainstSchema } from './schema-validation';

const OBJECT_META_REF = '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** The version's schema with apiVersion, kind and metadata declared, as the real server adds them. */
export function customResourceSchema(version: CustomResourceDefinitionVersion): SchemaObject | undefined {
  const s = version.schema?.openAPIV3Schema;
  if (!s) return undefined;
  return {
    ...(s as SchemaObject),
    type: 'object',
    properties: {
      ...((s.properties ?? {}) as Record<string, SchemaObject>),
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { allOf: [{ $ref: OBJECT_META_REF }] },
    },
  };
}

function customStrategy(schema: JSONSchemaProps | undefined): Strategy {
  if (!schema) return {};
  const validate = (obj: KubeObject) => {
    const body: Record<string, unknown> = { ...obj };
    delete body.metadata;
    delete body.apiVersion;
    delete body.kind;
    const props = { ...schema, properties: { ...schema.properties } };
    delete props.properties.metadata;
    delete props.properties.apiVersion;
    delete props.properties.kind;
    return validateAgainstSchema(body, props, '');
  };
  return { validate, validateStatusUpdate: (obj) => validate(obj) };
}

export function customResourceDef(crd: CustomResourceDefinition, version: CustomResourceDefinitionVersion): ResourceDef {
  const names = crd.spec.names;
  const scale = version.subresources?.scale;
  return {
    group: crd.spec.group,
    version: version.name,
    kind: names.kind,
    plural: names.plural,
    singular: names.singular || names.kind.toLowerCase(),
    namespaced: crd.spec.scope === 'Namespaced',
    shortNames: names.shortNames,
    categories: names.categories,
    status: !!version.subresources?.status,
    scale: scale ? { specReplicasPath: scale.specReplicasPath, statusReplicasPath: scale.statusReplicasPath, labelSelectorPath: scale.labelSelectorPath } : undefined,
    generation: true,
    custom: true,
    strategy: customStrategy(version.schema?.openAPIV3Schema),
    printer: customResourcePrinter(version.additionalPrinterColumns),
  };
}
