// The Swagger 2.0 document served at /openapi/v2, made from the v3 group-version documents
// (same operations, same schemas) reshaped the way kube-apiserver publishes v2: refs under
// #/definitions/, a field's ref beside its description (not wrapped in allOf), request bodies
// as "body" parameters, consumes/produces lists. kubectl validates kind: List files against
// it and `kubectl explain --output=plaintext-openapiv2` reads it.

import { SCHEMA_REF_PREFIX } from '../../registry/openapi/definitions';
import { KUBERNETES_VERSION } from './documents';
import type { SchemaObject } from '../../registry/openapi/schema-node';
import { isJsonMap, type JsonMap } from '../../machinery/json-value';

const DEFINITION_REF_PREFIX = '#/definitions/';

export interface V3Document {
  paths: Record<string, JsonMap>;
  components: { schemas: Record<string, SchemaObject>; securitySchemes?: Record<string, JsonMap> };
}

function v2Ref(ref: string): string {
  return ref.startsWith(SCHEMA_REF_PREFIX) ? DEFINITION_REF_PREFIX + ref.slice(SCHEMA_REF_PREFIX.length) : ref;
}

/** A oneOf of bare types is v3's spelling of IntOrString and Quantity, which v2 calls strings. */
const onlyTypes = (alternatives: unknown): boolean =>
  Array.isArray(alternatives) && alternatives.every((a) => isJsonMap(a) && Object.keys(a).length === 1 && typeof a.type === 'string');

/**
 * One schema in v2 form. What v2 cannot say is dropped, as kube-apiserver drops it for CRDs
 * (ToStructuralOpenAPIV2): oneOf/anyOf/not, and nullable or x-kubernetes-preserve-unknown-fields
 * subtrees lose the properties and items kubectl would otherwise enforce.
 */
export function v2Schema(schema: SchemaObject): JsonMap {
  const s = schema as JsonMap;
  const out: JsonMap = {};
  for (const [key, value] of Object.entries(s)) {
    switch (key) {
      case '$ref':
        out.$ref = v2Ref(value as string);
        break;
      case 'allOf': {
        const parts = value as SchemaObject[];
        // Kubernetes wraps a field's $ref in allOf to give it a description or default.
        if (parts.length === 1 && parts[0].$ref && Object.keys(parts[0]).length === 1) out.$ref = v2Ref(parts[0].$ref);
        break;
      }
      case 'oneOf':
        if (onlyTypes(value) && !s.type) out.type = 'string';
        break;
      case 'anyOf':
      case 'not':
      case 'nullable':
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value as Record<string, SchemaObject>).map(([k, v]) => [k, v2Schema(v)]));
        break;
      case 'items':
        out.items = v2Schema(value as SchemaObject);
        break;
      case 'additionalProperties':
        out.additionalProperties = isJsonMap(value) ? v2Schema(value) : value;
        break;
      default:
        out[key] = value;
    }
  }
  if (s.nullable === true) {
    delete out.type;
    delete out.items;
    delete out.properties;
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === true) {
    delete out.items;
    delete out.properties;
  }
  // kubectl cannot read an array without an item schema.
  if (out.type === 'array' && !out.items) delete out.type;
  return out;
}

/** A v3 parameter ({name, in, schema: {type}}) with its schema's keywords inlined, as v2 has them. */
function v2Parameter(p: JsonMap): JsonMap {
  const { schema, ...rest } = p;
  return { ...(isJsonMap(schema) ? schema : {}), ...rest };
}

/** The schema of the first media type of a v3 content map. */
function contentSchema(content: unknown): JsonMap | undefined {
  if (!isJsonMap(content)) return undefined;
  const first = Object.values(content)[0];
  return isJsonMap(first) && isJsonMap(first.schema) ? v2Schema(first.schema) : undefined;
}

function v2Operation(op: JsonMap): JsonMap {
  const { requestBody, responses, parameters, ...rest } = op;
  const params = Array.isArray(parameters) ? parameters.map((p) => v2Parameter(p as JsonMap)) : [];
  const out: JsonMap = { ...rest };
  if (isJsonMap(requestBody)) {
    out.consumes = Object.keys(requestBody.content as JsonMap);
    params.unshift({ name: 'body', in: 'body', ...(requestBody.required ? { required: true } : {}), schema: contentSchema(requestBody.content) });
  }
  const produces = new Set<string>();
  const v2Responses: JsonMap = {};
  for (const [code, response] of Object.entries(responses as Record<string, JsonMap>)) {
    const schema = contentSchema(response.content);
    for (const type of Object.keys((response.content as JsonMap | undefined) ?? {})) produces.add(type);
    v2Responses[code] = { description: response.description, ...(schema ? { schema } : {}) };
  }
  if (produces.size) out.produces = [...produces];
  if (params.length) out.parameters = params;
  out.responses = v2Responses;
  out.schemes = ['https'];
  return out;
}

function v2PathItem(item: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'parameters') out.parameters = (value as JsonMap[]).map(v2Parameter);
    else out[key] = v2Operation(value as JsonMap);
  }
  return out;
}

/** The whole v2 document: the paths and schemas of every group-version document, merged. */
export function openAPIV2Document(groupVersions: V3Document[]): JsonMap {
  const paths: JsonMap = {};
  const schemas: Record<string, SchemaObject> = {};
  let securitySchemes: Record<string, JsonMap> = {};
  for (const doc of groupVersions) {
    for (const [path, item] of Object.entries(doc.paths)) paths[path] = v2PathItem(item);
    Object.assign(schemas, doc.components.schemas);
    securitySchemes = { ...securitySchemes, ...doc.components.securitySchemes };
  }
  const definitions = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((name) => [name, v2Schema(schemas[name])]),
  );
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: Object.fromEntries(Object.keys(paths).sort().map((p) => [p, paths[p]])),
    definitions,
    securityDefinitions: securitySchemes,
    security: [Object.fromEntries(Object.keys(securitySchemes).map((name) => [name, []]))],
  };
}
