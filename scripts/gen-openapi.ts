// Generates core/registry/openapi/generated/definitions.json, the OpenAPI v3 component
// schemas of every kind, from the kubernetes-types declaration files.
// Run: npx tsx scripts/gen-openapi.ts
//
// The declarations give names, structure, descriptions and required fields. What they do
// not carry comes from small reviewed tables: patch and list metadata
// (openapi-patch-metadata.ts) and a few dropped properties (openapi-missing-fields.ts). The
// Go type of each field (int32 or int64, []byte), which TypeScript's number and string hide,
// comes from the protobuf layout generated from the Go structs (field-numbers.json).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { SchemaObject } from '../core/registry/openapi/schema-node';
import { FIELD_METADATA, SCHEMA_MAP_TYPE, type FieldPatchMetadata } from './openapi-patch-metadata';
import { MISSING_PROPERTIES } from './openapi-missing-fields';

const REF = '#/components/schemas/';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const FIELD_NUMBERS = fileURLToPath(new URL('../core/registry/protobuf/generated/field-numbers.json', import.meta.url));
export const OUTPUT = fileURLToPath(new URL('../core/registry/openapi/generated/definitions.json', import.meta.url));

/** Module path inside kubernetes-types (core/v1, meta/v1, api/resource) to Kubernetes' schema prefix. */
export function schemaPrefix(modulePath: string): string {
  const fixed: Record<string, string> = {
    'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
    'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
    runtime: 'io.k8s.apimachinery.pkg.runtime',
    version: 'io.k8s.apimachinery.pkg.version',
    'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
  };
  return fixed[modulePath] ?? `io.k8s.api.${modulePath.replace(/\//g, '.')}`;
}

/** Go float64 fields (kubernetes-types says only "number"); every other number is an integer. */
const FLOAT_FIELDS = new Set(['maximum', 'minimum', 'multipleOf'].map((f) => `${schemaPrefix('apiextensions/v1')}.JSONSchemaProps.${f}`));

/** Types whose content is free-form JSON: the server keeps whatever they hold. */
const OPAQUE: Record<string, SchemaObject> = {
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
};

/** String aliases that Kubernetes publishes with a format or as alternatives. */
const STRING_ALIASES: Record<string, SchemaObject> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

const INT_OR_STRING_SCHEMA: SchemaObject = {
  description:
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  format: 'int-or-string',
  oneOf: [{ type: 'integer' }, { type: 'string' }],
};

interface SourceFile {
  prefix: string;
  file: ts.SourceFile;
  /** Imported identifier -> schema prefix of the module it comes from. */
  imports: Map<string, string>;
}

function typesRoot(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('kubernetes-types/package.json'));
}

function listDeclarationFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

function parse(root: string, file: string): SourceFile {
  const modulePath = path.relative(root, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const target = path.posix.join(path.posix.dirname(modulePath), stmt.moduleSpecifier.text);
    const named = stmt.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) imports.set(el.name.text, schemaPrefix(target));
    }
  }
  return { prefix: schemaPrefix(modulePath), file: source, imports };
}

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
  return text || undefined;
}

function ref(name: string): SchemaObject {
  return { $ref: REF + name };
}

function isIntOrString(node: ts.UnionTypeNode): boolean {
  const kinds = node.types.map((t) => t.kind).sort();
  return kinds.length === 2 && kinds[0] === ts.SyntaxKind.NumberKeyword && kinds[1] === ts.SyntaxKind.StringKeyword;
}

/** "<schema>.<field>" to the field's Go type as field-numbers.json records it (int32, map:bytes...). */
function loadGoTypes(): Map<string, string> {
  const table = JSON.parse(fs.readFileSync(FIELD_NUMBERS, 'utf8')) as Record<string, Array<[number, string, string, string]>>;
  const out = new Map<string, string>();
  for (const [schema, rows] of Object.entries(table)) for (const [, field, type] of rows) out.set(`${schema}.${field}`, type);
  return out;
}

/** The OpenAPI format Kubernetes publishes for a Go type: int32/int64 integers, base64 []byte. */
function goFormat(goType: string | undefined): string | undefined {
  const element = goType?.replace(/^map:/, '');
  if (element === 'int32' || element === 'int64') return element;
  if (element === 'bytes') return 'byte';
  return undefined;
}

class Generator {
  readonly schemas: Record<string, SchemaObject> = {};
  private readonly goTypes = loadGoTypes();
  /** Names of interfaces with properties: list items of these carry default {} as in Kubernetes. */
  private readonly structs = new Set<string>();
  private readonly usedMetadata = new Set<string>();

  constructor(private readonly files: SourceFile[]) {
    for (const f of files) {
      for (const stmt of f.file.statements) {
        if (ts.isInterfaceDeclaration(stmt) && stmt.members.length > 0) this.structs.add(`${f.prefix}.${stmt.name.text}`);
      }
    }
  }

  run(): Record<string, SchemaObject> {
    for (const f of this.files) {
      for (const stmt of f.file.statements) {
        if (ts.isInterfaceDeclaration(stmt)) this.addInterface(f, stmt);
        else if (ts.isTypeAliasDeclaration(stmt)) this.addAlias(f, stmt);
      }
    }
    this.schemas[INT_OR_STRING] = INT_OR_STRING_SCHEMA;
    const unused = Object.keys(FIELD_METADATA).filter((k) => !this.usedMetadata.has(k));
    // A stale table entry would silently lose patch semantics: make it loud.
    if (unused.length) throw new Error(`gen-openapi: metadata for fields kubernetes-types lacks: ${unused.join(', ')}`);
    return Object.fromEntries(Object.entries(this.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private addAlias(f: SourceFile, decl: ts.TypeAliasDeclaration): void {
    const name = `${f.prefix}.${decl.name.text}`;
    const description = docOf(decl);
    // The JSONSchemaPropsOr* unions: Kubernetes publishes them with a description only.
    const shape = STRING_ALIASES[name] ?? {};
    this.schemas[name] = { ...(description ? { description } : {}), ...shape };
  }

  private addInterface(f: SourceFile, decl: ts.InterfaceDeclaration): void {
    const name = `${f.prefix}.${decl.name.text}`;
    const description = docOf(decl);
    const schema: SchemaObject = description ? { description } : {};
    if (name in OPAQUE) {
      this.schemas[name] = { ...schema, ...OPAQUE[name], 'x-kubernetes-preserve-unknown-fields': true };
      return;
    }
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    let apiVersion: string | undefined;
    let kind: string | undefined;
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const field = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
      const literal = ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal) ? member.type.literal.text : undefined;
      if (field === 'apiVersion') apiVersion = literal;
      if (field === 'kind') kind = literal;
      properties[field] = this.property(f, `${name}.${field}`, member);
      if (!member.questionToken) required.push(field);
    }
    Object.assign(properties, MISSING_PROPERTIES[name]);
    schema.type = 'object';
    if (Object.keys(properties).length) schema.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (required.length) schema.required = required;
    if (apiVersion && kind) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      schema['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
    }
    if (SCHEMA_MAP_TYPE[name]) schema['x-kubernetes-map-type'] = SCHEMA_MAP_TYPE[name];
    this.schemas[name] = schema;
  }

  private property(f: SourceFile, key: string, member: ts.PropertySignature): SchemaObject {
    const description = docOf(member);
    const meta = FIELD_METADATA[key];
    if (meta) this.usedMetadata.add(key);
    let schema = this.typeSchema(f, member.type as ts.TypeNode, key);
    // Kubernetes keeps a $ref alone in allOf so siblings (description, extensions) stay valid.
    if (schema.$ref && (description || meta)) schema = { allOf: [schema] };
    if (description) schema.description = description;
    return meta ? { ...schema, ...extensions(meta) } : schema;
  }

  /** The schema of one type node; key names the field, for the float table. */
  private typeSchema(f: SourceFile, node: ts.TypeNode, key: string): SchemaObject {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: {
        const format = goFormat(this.goTypes.get(key));
        return format === 'byte' ? { type: 'string', format } : { type: 'string' };
      }
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword: {
        if (FLOAT_FIELDS.has(key)) return { type: 'number', format: 'double' };
        // Types that k8s.io/api v0.32 no longer has (older alpha versions) get no width.
        const format = goFormat(this.goTypes.get(key));
        return format ? { type: 'integer', format } : { type: 'integer' };
      }
    }
    if (ts.isLiteralTypeNode(node)) return { type: 'string' };
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.itemSchema(f, node.elementType, key) };
    if (ts.isUnionTypeNode(node) && isIntOrString(node)) return ref(INT_OR_STRING);
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index) return { type: 'object', additionalProperties: this.itemSchema(f, index.type, key) };
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const id = node.typeName.text;
      if (id === 'Array' && node.typeArguments?.length === 1) {
        return { type: 'array', items: this.itemSchema(f, node.typeArguments[0], key) };
      }
      return ref(`${f.imports.get(id) ?? f.prefix}.${id}`);
    }
    throw new Error(`gen-openapi: unsupported type ${node.getText()} at ${key}`);
  }

  /** List items and map values: struct references are wrapped with default {} as Kubernetes does. */
  private itemSchema(f: SourceFile, node: ts.TypeNode, key: string): SchemaObject {
    const schema = this.typeSchema(f, node, key);
    if (schema.$ref && this.structs.has(schema.$ref.slice(REF.length))) return { allOf: [schema], default: {} };
    return schema;
  }
}

function extensions(meta: FieldPatchMetadata): SchemaObject {
  const out: SchemaObject = {};
  if (meta.listMapKeys) out['x-kubernetes-list-map-keys'] = meta.listMapKeys;
  if (meta.listType) out['x-kubernetes-list-type'] = meta.listType;
  if (meta.mapType) out['x-kubernetes-map-type'] = meta.mapType;
  if (meta.mergeKey) out['x-kubernetes-patch-merge-key'] = meta.mergeKey;
  if (meta.strategy) out['x-kubernetes-patch-strategy'] = meta.strategy;
  if (meta.default !== undefined) out.default = meta.default;
  return out;
}

/** All component schemas, keyed by Kubernetes' schema names, in a stable order. */
export function generateDefinitions(): Record<string, SchemaObject> {
  const root = typesRoot();
  return new Generator(listDeclarationFiles(root).map((file) => parse(root, file))).run();
}

/** The exact text written to definitions.json. */
export function renderDefinitions(defs: Record<string, SchemaObject>): string {
  return `${JSON.stringify(defs, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const defs = generateDefinitions();
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, renderDefinitions(defs));
  console.log(`gen-openapi: wrote ${Object.keys(defs).length} schemas to ${path.relative(process.cwd(), OUTPUT)}`);
}
