// Properties the Kubernetes API has but kubernetes-types leaves out, added by
// scripts/gen-openapi.ts. JSONSchemaProps loses its x-kubernetes-* fields there, and without
// them strict field validation would reject every CRD that uses them.

import type { SchemaObject } from '../core/registry/openapi/schema-node';

const JSON_SCHEMA_PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';
const VALIDATION_RULE = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule';

export const MISSING_PROPERTIES: Record<string, Record<string, SchemaObject>> = {
  [JSON_SCHEMA_PROPS]: {
    'x-kubernetes-embedded-resource': {
      type: 'boolean',
      description: 'x-kubernetes-embedded-resource marks an object holding an embedded resource (apiVersion, kind, metadata).',
    },
    'x-kubernetes-int-or-string': {
      type: 'boolean',
      description: 'x-kubernetes-int-or-string lets the value be an integer or a string.',
    },
    'x-kubernetes-list-map-keys': {
      type: 'array',
      items: { type: 'string', default: '' },
      'x-kubernetes-list-type': 'atomic',
      description: 'x-kubernetes-list-map-keys names the keys of a list with x-kubernetes-list-type map.',
    },
    'x-kubernetes-list-type': {
      type: 'string',
      description: 'x-kubernetes-list-type is atomic, set or map and says how lists merge.',
    },
    'x-kubernetes-map-type': {
      type: 'string',
      description: 'x-kubernetes-map-type is granular or atomic and says how maps merge.',
    },
    'x-kubernetes-preserve-unknown-fields': {
      type: 'boolean',
      description: 'x-kubernetes-preserve-unknown-fields keeps fields the schema does not name instead of pruning them.',
    },
    'x-kubernetes-validations': {
      type: 'array',
      items: { allOf: [{ $ref: `#/components/schemas/${VALIDATION_RULE}` }], default: {} },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['rule'],
      'x-kubernetes-patch-merge-key': 'rule',
      'x-kubernetes-patch-strategy': 'merge',
      description: 'x-kubernetes-validations lists CEL validation rules.',
    },
  },
};
