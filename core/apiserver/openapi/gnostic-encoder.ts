// Encodes a Swagger 2.0 document (JSON form) as the protobuf message kubectl asks /openapi/v2
// for: gnostic's openapi_v2.Document (google/gnostic-models, openapiv2/OpenAPIv2.proto).
// Hand-written on our wire writer because no maintained npm package encodes gnostic models,
// and only the part of the schema Kubernetes documents use is needed. Field numbers are the
// .proto's. As gnostic does, maps are repeated Named* pairs, "x-" keys become vendor
// extensions, and free-form values (default, enum, example, extensions) are Any messages
// holding YAML text (we write JSON, which is YAML). Proto3 leaves out zero values.

import { WireWriter } from '../../registry/protobuf/wire';
import { isJsonMap, type JsonMap } from '../../machinery/json-value';

type Encode = (w: WireWriter, value: JsonMap) => void;

function str(w: WireWriter, field: number, v: unknown): void {
  if (typeof v === 'string' && v !== '') w.string(field, v);
}

function strs(w: WireWriter, field: number, v: unknown): void {
  if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') w.string(field, s);
}

function bool(w: WireWriter, field: number, v: unknown): void {
  if (v === true) w.uint(field, true);
}

function double(w: WireWriter, field: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.double(field, v);
}

function int(w: WireWriter, field: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.uint(field, Math.trunc(v));
}

function msg(w: WireWriter, field: number, v: unknown, encode: Encode): void {
  if (isJsonMap(v)) w.message(field, (m) => encode(m, v));
}

function msgs(w: WireWriter, field: number, v: unknown, encode: Encode): void {
  if (Array.isArray(v)) for (const item of v) msg(w, field, item, encode);
}

/** Any {value = 1; yaml = 2}. */
function any(w: WireWriter, field: number, v: unknown): void {
  if (v !== undefined) w.message(field, (m) => m.string(2, JSON.stringify(v)));
}

/** A map as repeated Named* {name = 1; value = 2}. */
function named(w: WireWriter, field: number, map: unknown, encodeValue: (w: WireWriter, value: unknown) => void): void {
  if (!isJsonMap(map)) return;
  for (const [name, value] of Object.entries(map)) {
    w.message(field, (m) => {
      m.string(1, name);
      encodeValue(m, value);
    });
  }
}

/** The "x-" keys of an object as repeated NamedAny. */
function vendorExtensions(w: WireWriter, field: number, o: JsonMap): void {
  for (const [name, value] of Object.entries(o)) {
    if (name.startsWith('x-')) w.message(field, (m) => (m.string(1, name), any(m, 2, value)));
  }
}

const namedMessage =
  (encode: Encode) =>
  (w: WireWriter, value: unknown): void =>
    msg(w, 2, value, encode);

function schema(w: WireWriter, s: JsonMap): void {
  str(w, 1, s.$ref);
  str(w, 2, s.format);
  str(w, 3, s.title);
  str(w, 4, s.description);
  any(w, 5, s.default);
  double(w, 6, s.multipleOf);
  double(w, 7, s.maximum);
  bool(w, 8, s.exclusiveMaximum);
  double(w, 9, s.minimum);
  bool(w, 10, s.exclusiveMinimum);
  int(w, 11, s.maxLength);
  int(w, 12, s.minLength);
  str(w, 13, s.pattern);
  int(w, 14, s.maxItems);
  int(w, 15, s.minItems);
  bool(w, 16, s.uniqueItems);
  int(w, 17, s.maxProperties);
  int(w, 18, s.minProperties);
  strs(w, 19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) any(w, 20, e);
  // AdditionalPropertiesItem: oneof {Schema schema = 1; bool boolean = 2}; a oneof is written even when false.
  if (isJsonMap(s.additionalProperties)) w.message(21, (m) => msg(m, 1, s.additionalProperties, schema));
  else if (typeof s.additionalProperties === 'boolean') w.message(21, (m) => m.uint(2, s.additionalProperties as boolean));
  // TypeItem {repeated string value = 1}.
  if (s.type !== undefined) w.message(22, (m) => strs(m, 1, Array.isArray(s.type) ? s.type : [s.type]));
  // ItemsItem {repeated Schema schema = 1}.
  if (s.items !== undefined) w.message(23, (m) => msgs(m, 1, Array.isArray(s.items) ? s.items : [s.items], schema));
  msgs(w, 24, s.allOf, schema);
  // Properties {repeated NamedSchema additional_properties = 1}.
  if (isJsonMap(s.properties)) w.message(25, (m) => named(m, 1, s.properties, namedMessage(schema)));
  str(w, 26, s.discriminator);
  bool(w, 27, s.readOnly);
  any(w, 30, s.example);
  vendorExtensions(w, 31, s);
}

/**
 * The keywords a primitive value (a non-body parameter, or its items) can have, laid out as
 * PrimitivesItems numbers them; the parameter sub-schemas number them alike from `base` on.
 */
function primitiveKeywords(w: WireWriter, p: JsonMap, base: number): void {
  str(w, base + 1, p.type);
  str(w, base + 2, p.format);
  msg(w, base + 3, p.items, primitivesItems);
  str(w, base + 4, p.collectionFormat);
  any(w, base + 5, p.default);
  double(w, base + 6, p.maximum);
  bool(w, base + 7, p.exclusiveMaximum);
  double(w, base + 8, p.minimum);
  bool(w, base + 9, p.exclusiveMinimum);
  int(w, base + 10, p.maxLength);
  int(w, base + 11, p.minLength);
  str(w, base + 12, p.pattern);
  int(w, base + 13, p.maxItems);
  int(w, base + 14, p.minItems);
  bool(w, base + 15, p.uniqueItems);
  if (Array.isArray(p.enum)) for (const e of p.enum) any(w, base + 16, e);
  double(w, base + 17, p.multipleOf);
  vendorExtensions(w, base + 18, p);
}

function primitivesItems(w: WireWriter, items: JsonMap): void {
  primitiveKeywords(w, items, 0);
}

/**
 * NonBodyParameter: oneof {header = 1; formData = 2; query = 3; path = 4}. The four sub-schemas
 * start with required, in, description, name; query and formData then have allow_empty_value
 * at 5, and all go on with PrimitivesItems' fields.
 */
function nonBodyParameter(w: WireWriter, p: JsonMap): void {
  const kind = ({ header: 1, formData: 2, query: 3, path: 4 } as Record<string, number>)[p.in as string];
  if (!kind) return;
  const withAllowEmpty = kind === 2 || kind === 3;
  w.message(kind, (m) => {
    bool(m, 1, p.required);
    str(m, 2, p.in);
    str(m, 3, p.description);
    str(m, 4, p.name);
    if (withAllowEmpty) bool(m, 5, p.allowEmptyValue);
    primitiveKeywords(m, p, withAllowEmpty ? 5 : 4);
  });
}

/** ParametersItem: oneof {Parameter parameter = 1; JsonReference json_reference = 2}. */
function parametersItem(w: WireWriter, p: JsonMap): void {
  if (typeof p.$ref === 'string') {
    w.message(2, (m) => str(m, 1, p.$ref));
    return;
  }
  // Parameter: oneof {BodyParameter body_parameter = 1; NonBodyParameter non_body_parameter = 2}.
  w.message(1, (m) => {
    if (p.in === 'body') {
      m.message(1, (b) => {
        str(b, 1, p.description);
        str(b, 2, p.name);
        str(b, 3, p.in);
        bool(b, 4, p.required);
        msg(b, 5, p.schema, schema);
        vendorExtensions(b, 6, p);
      });
    } else {
      m.message(2, (n) => nonBodyParameter(n, p));
    }
  });
}

/** ResponseValue: oneof {Response response = 1; JsonReference json_reference = 2}. */
function responseValue(w: WireWriter, r: JsonMap): void {
  w.message(1, (m) => {
    str(m, 1, r.description);
    // SchemaItem: oneof {Schema schema = 1; FileSchema file_schema = 2}.
    if (isJsonMap(r.schema)) m.message(2, (s) => msg(s, 1, r.schema, schema));
    vendorExtensions(m, 5, r);
  });
}

function operation(w: WireWriter, op: JsonMap): void {
  strs(w, 1, op.tags);
  str(w, 2, op.summary);
  str(w, 3, op.description);
  str(w, 5, op.operationId);
  strs(w, 6, op.produces);
  strs(w, 7, op.consumes);
  msgs(w, 8, op.parameters, parametersItem);
  // Responses {repeated NamedResponseValue response_code = 1}.
  msg(w, 9, op.responses, (m, responses) => named(m, 1, responses, namedMessage(responseValue)));
  strs(w, 10, op.schemes);
  bool(w, 11, op.deprecated);
  msgs(w, 12, op.security, securityRequirement);
  vendorExtensions(w, 13, op);
}

const PATH_ITEM_OPERATIONS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function pathItem(w: WireWriter, item: JsonMap): void {
  str(w, 1, item.$ref);
  for (const [method, field] of Object.entries(PATH_ITEM_OPERATIONS)) msg(w, field, item[method], operation);
  msgs(w, 9, item.parameters, parametersItem);
  vendorExtensions(w, 10, item);
}

/** SecurityRequirement {repeated NamedStringArray additional_properties = 1}, StringArray {repeated string value = 1}. */
function securityRequirement(w: WireWriter, req: JsonMap): void {
  named(w, 1, req, (m, scopes) => m.message(2, (a) => strs(a, 1, scopes)));
}

/** SecurityDefinitionsItem: oneof {basic = 1; api_key = 2; oauth2 ...}; Kubernetes declares an API key. */
function securityDefinitionsItem(w: WireWriter, d: JsonMap): void {
  if (d.type === 'apiKey') {
    w.message(2, (m) => {
      str(m, 1, d.type);
      str(m, 2, d.name);
      str(m, 3, d.in);
      str(m, 4, d.description);
      vendorExtensions(m, 5, d);
    });
  } else if (d.type === 'basic') {
    w.message(1, (m) => {
      str(m, 1, d.type);
      str(m, 2, d.description);
      vendorExtensions(m, 3, d);
    });
  }
}

function info(w: WireWriter, i: JsonMap): void {
  str(w, 1, i.title);
  str(w, 2, i.version);
  str(w, 3, i.description);
  str(w, 4, i.termsOfService);
  vendorExtensions(w, 7, i);
}

/** openapi_v2.Document of a Swagger 2.0 document. */
export function encodeOpenAPIV2(doc: JsonMap): Buffer {
  const w = new WireWriter();
  str(w, 1, doc.swagger);
  msg(w, 2, doc.info, info);
  str(w, 3, doc.host);
  str(w, 4, doc.basePath);
  strs(w, 5, doc.schemes);
  strs(w, 6, doc.consumes);
  strs(w, 7, doc.produces);
  // Paths {repeated NamedAny vendor_extension = 1; repeated NamedPathItem path = 2}.
  msg(w, 8, doc.paths, (m, paths) => {
    vendorExtensions(m, 1, paths);
    named(m, 2, Object.fromEntries(Object.entries(paths).filter(([p]) => !p.startsWith('x-'))), namedMessage(pathItem));
  });
  // Definitions {repeated NamedSchema additional_properties = 1}.
  msg(w, 9, doc.definitions, (m, defs) => named(m, 1, defs, namedMessage(schema)));
  msgs(w, 12, doc.security, securityRequirement);
  msg(w, 13, doc.securityDefinitions, (m, defs) => named(m, 1, defs, namedMessage(securityDefinitionsItem)));
  vendorExtensions(w, 16, doc);
  return w.finish();
}
