// The protobuf /openapi/v2 serves, decoded here with the field numbers of gnostic's
// OpenAPIv2.proto (written out independently of the encoder) and mapped back to Swagger JSON:
// it must say exactly what the JSON form says.
import { describe, expect, it } from 'vitest';
import { bytesOf, doublesOf, readFields, varintsOf, type WireValue } from '../../registry/protobuf/wire';
import { encodeOpenAPIV2 } from './gnostic-encoder';
import { openAPIV3Document, type OpenAPIResource } from './documents';
import { openAPIV2Document, type V3Document } from './v2-document';
import type { SchemaObject } from '../../registry/openapi/schema-node';

type Kind = 'string' | 'bool' | 'double' | 'int' | 'any' | string;
/** [json key, kind (scalar or message name), repeated]. */
type FieldSpec = [string, Kind, boolean?];

const SUB_SCHEMA_COMMON: Record<number, FieldSpec> = {
  1: ['required', 'bool'],
  2: ['in', 'string'],
  3: ['description', 'string'],
  4: ['name', 'string'],
};

/** Message layouts from OpenAPIv2.proto. Key "^": a oneof or wrapper (the message is its value); "*": map entries; "x": vendor extensions. */
const MESSAGES: Record<string, Record<number, FieldSpec>> = {
  Document: { 1: ['swagger', 'string'], 2: ['info', 'Info'], 8: ['paths', 'Paths'], 9: ['definitions', 'Definitions'], 12: ['security', 'SecurityRequirement', true], 13: ['securityDefinitions', 'SecurityDefinitions'], 16: ['x', 'NamedAny', true] },
  Info: { 1: ['title', 'string'], 2: ['version', 'string'], 3: ['description', 'string'], 7: ['x', 'NamedAny', true] },
  Paths: { 1: ['x', 'NamedAny', true], 2: ['*', 'NamedPathItem', true] },
  PathItem: { 2: ['get', 'Operation'], 3: ['put', 'Operation'], 4: ['post', 'Operation'], 5: ['delete', 'Operation'], 8: ['patch', 'Operation'], 9: ['parameters', 'ParametersItem', true], 10: ['x', 'NamedAny', true] },
  Operation: {
    1: ['tags', 'string', true],
    3: ['description', 'string'],
    5: ['operationId', 'string'],
    6: ['produces', 'string', true],
    7: ['consumes', 'string', true],
    8: ['parameters', 'ParametersItem', true],
    9: ['responses', 'Responses'],
    10: ['schemes', 'string', true],
    13: ['x', 'NamedAny', true],
  },
  ParametersItem: { 1: ['^', 'Parameter'] },
  Parameter: { 1: ['^', 'BodyParameter'], 2: ['^', 'NonBodyParameter'] },
  BodyParameter: { 1: ['description', 'string'], 2: ['name', 'string'], 3: ['in', 'string'], 4: ['required', 'bool'], 5: ['schema', 'Schema'] },
  NonBodyParameter: { 3: ['^', 'QueryParameterSubSchema'], 4: ['^', 'PathParameterSubSchema'] },
  QueryParameterSubSchema: {
    ...SUB_SCHEMA_COMMON,
    5: ['allowEmptyValue', 'bool'],
    6: ['type', 'string'],
    7: ['format', 'string'],
    8: ['items', 'PrimitivesItems'],
    9: ['collectionFormat', 'string'],
    10: ['default', 'any'],
    11: ['maximum', 'double'],
    12: ['exclusiveMaximum', 'bool'],
    13: ['minimum', 'double'],
    15: ['maxLength', 'int'],
    16: ['minLength', 'int'],
    17: ['pattern', 'string'],
    18: ['maxItems', 'int'],
    20: ['uniqueItems', 'bool'],
    21: ['enum', 'any', true],
    22: ['multipleOf', 'double'],
    23: ['x', 'NamedAny', true],
  },
  PrimitivesItems: { 1: ['type', 'string'], 2: ['format', 'string'], 3: ['items', 'PrimitivesItems'], 6: ['maximum', 'double'], 11: ['minLength', 'int'], 16: ['enum', 'any', true] },
  PathParameterSubSchema: { ...SUB_SCHEMA_COMMON, 5: ['type', 'string'], 19: ['uniqueItems', 'bool'] },
  Responses: { 1: ['*', 'NamedResponseValue', true] },
  ResponseValue: { 1: ['^', 'Response'] },
  Response: { 1: ['description', 'string'], 2: ['schema', 'SchemaItem'] },
  SchemaItem: { 1: ['^', 'Schema'] },
  Definitions: { 1: ['*', 'NamedSchema', true] },
  Properties: { 1: ['*', 'NamedSchema', true] },
  Schema: {
    1: ['$ref', 'string'],
    2: ['format', 'string'],
    4: ['description', 'string'],
    5: ['default', 'any'],
    9: ['minimum', 'double'],
    11: ['maxLength', 'int'],
    16: ['uniqueItems', 'bool'],
    19: ['required', 'string', true],
    20: ['enum', 'any', true],
    21: ['additionalProperties', 'AdditionalPropertiesItem'],
    22: ['type', 'TypeItem'],
    23: ['items', 'ItemsItem'],
    25: ['properties', 'Properties'],
    31: ['x', 'NamedAny', true],
  },
  AdditionalPropertiesItem: { 1: ['^', 'Schema'], 2: ['^', 'bool'] },
  // Repeated in the .proto; Kubernetes documents hold one type and one items schema.
  TypeItem: { 1: ['^', 'string'] },
  ItemsItem: { 1: ['^', 'Schema'] },
  SecurityDefinitions: { 1: ['*', 'NamedSecurityDefinitionsItem', true] },
  SecurityDefinitionsItem: { 2: ['^', 'ApiKeySecurity'] },
  ApiKeySecurity: { 1: ['type', 'string'], 2: ['name', 'string'], 3: ['in', 'string'], 4: ['description', 'string'] },
  SecurityRequirement: { 1: ['*', 'NamedStringArray', true] },
  StringArray: { 1: ['^', 'string', true] },
};

/** Named* {name = 1; value = 2} and the message of their value. */
const NAMED: Record<string, Kind> = {
  NamedAny: 'any',
  NamedPathItem: 'PathItem',
  NamedResponseValue: 'ResponseValue',
  NamedSchema: 'Schema',
  NamedSecurityDefinitionsItem: 'SecurityDefinitionsItem',
  NamedStringArray: 'StringArray',
};

const utf8 = (b: Uint8Array) => Buffer.from(b).toString('utf8');

function scalar(kind: Kind, values: WireValue[]): unknown[] {
  switch (kind) {
    case 'string':
      return bytesOf(values).map(utf8);
    case 'bool':
      return varintsOf(values).map((v) => v !== 0n);
    case 'int':
      return varintsOf(values).map(Number);
    case 'double':
      return doublesOf(values);
    case 'any':
      // Any {value = 1; yaml = 2}: our yaml text is JSON.
      return bytesOf(values).map((b) => JSON.parse(utf8(bytesOf(readFields(b).get(2) ?? [])[0]!)));
    default:
      return bytesOf(values).map((b) => decode(kind, b));
  }
}

function decode(message: string, data: Uint8Array): unknown {
  const named = NAMED[message];
  if (named) {
    const f = readFields(data);
    return [utf8(bytesOf(f.get(1)!)[0]!), scalar(named, f.get(2) ?? [])[0]];
  }
  const layout = MESSAGES[message];
  if (!layout) throw new Error(`no layout for ${message}`);
  const fields = readFields(data);
  if (fields.size === 0 && layout[1]?.[0] === '^') return layout[1][2] ? [] : undefined; // an empty wrapper
  const out: Record<string, unknown> = {};
  for (const [number, values] of fields) {
    const spec = layout[number];
    if (!spec) throw new Error(`${message} has no field ${number} in this test's layout`);
    const [key, kind, repeated] = spec;
    const decoded = scalar(kind, values);
    if (key === '^') return repeated ? decoded : decoded[0]; // a oneof or wrapper
    if (key === '*' || key === 'x') Object.assign(out, Object.fromEntries(decoded as Array<[string, unknown]>));
    else out[key] = repeated ? decoded : decoded[0];
  }
  return out;
}

const res = (r: Partial<OpenAPIResource> & Pick<OpenAPIResource, 'kind' | 'plural'>): OpenAPIResource => ({
  group: '',
  version: 'v1',
  namespaced: true,
  subresources: [],
  ...r,
});

const v2 = openAPIV2Document(
  [
    openAPIV3Document('v1', [res({ kind: 'Pod', plural: 'pods', subresources: ['status', 'eviction', 'log', 'exec'] }), res({ kind: 'Node', plural: 'nodes', namespaced: false })]),
    openAPIV3Document('apps/v1', [res({ group: 'apps', kind: 'Deployment', plural: 'deployments', subresources: ['status', 'scale'] })]),
    openAPIV3Document('example.com/v1', [
      res({
        group: 'example.com',
        kind: 'Widget',
        plural: 'widgets',
        schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              required: ['size'],
              properties: {
                size: { type: 'integer', minimum: 1, maxLength: 3 },
                mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
                labels: { type: 'object', additionalProperties: { type: 'string' } },
                free: { type: 'object', additionalProperties: false },
                tags: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        } as SchemaObject, // minimum and maxLength are not among the keywords SchemaObject types
      }),
    ]),
  ] as V3Document[],
);

describe('encodeOpenAPIV2', () => {
  it('decodes, field by field, to the JSON document it was made from', () => {
    const decoded = decode('Document', encodeOpenAPIV2(v2));
    expect(decoded).toEqual(JSON.parse(JSON.stringify(v2)));
  });

  it('keeps what kubectl reads: definitions with their GVK, refs into #/definitions/, PATCH with fieldValidation', () => {
    const decoded = decode('Document', encodeOpenAPIV2(v2)) as {
      definitions: Record<string, Record<string, unknown>>;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; 'x-kubernetes-group-version-kind'?: unknown }>>;
    };
    expect(decoded.definitions['io.k8s.api.apps.v1.Deployment']!['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    expect((decoded.definitions['io.k8s.api.apps.v1.Deployment']!.properties as Record<string, unknown>).spec).toMatchObject({ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' });
    const patch = decoded.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch!;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters!.map((p) => p.name)).toContain('fieldValidation');
  });

  it('keeps additionalProperties: false (a oneof written though false) and every enum value', () => {
    const doc = { swagger: '2.0', definitions: { Mode: { type: 'object', additionalProperties: false, properties: { mode: { type: 'string', enum: ['', 'a', 0, null] } } } } };
    const bytes = encodeOpenAPIV2(doc);
    // Definitions(9) > NamedSchema(1) > Schema(2) > additional_properties(21) { boolean(2) = false }.
    expect(Buffer.from(bytes).includes(Buffer.from([0xaa, 0x01, 0x02, 0x10, 0x00]))).toBe(true);
    expect(decode('Document', bytes)).toEqual(doc);
  });

  it('keeps the items and limits of non-body parameters, nested items too', () => {
    const parameters = [
      {
        name: 'sizes',
        in: 'query',
        type: 'array',
        collectionFormat: 'csv',
        maxItems: 4,
        uniqueItems: true,
        allowEmptyValue: true,
        items: { type: 'array', items: { type: 'integer', format: 'int32', maximum: 10, enum: [1, 2] }, minLength: 1 },
        'x-kubernetes-note': 'n',
      },
      { name: 'name', in: 'query', type: 'string', format: 'byte', minLength: 1, maxLength: 63, pattern: '^[a-z]+$', default: 'x', enum: ['x', 'y'] },
      { name: 'ratio', in: 'query', type: 'number', minimum: 0.5, maximum: 2, exclusiveMaximum: true, multipleOf: 0.5 },
    ];
    const doc = { swagger: '2.0', paths: { '/x': { parameters, get: { responses: { '200': { description: 'OK' } } } } } };
    expect(decode('Document', encodeOpenAPIV2(doc))).toEqual(doc);
  });
});
