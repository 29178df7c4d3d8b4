// The cluster's OpenAPI v3 schemas, as kubectl explain reads them: the index at /openapi/v3,
// then one document per group-version, fetched once per cluster and kept.
import { kubeRequest } from '../../kube/api';
import type { PathSegment } from './yaml-lines';

export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  allOf?: Schema[];
  $ref?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-int-or-string'?: boolean;
}

export interface OpenApiDocument {
  components?: { schemas?: Record<string, Schema> };
}

/** A schema in its document: references resolve against the same document. */
export interface SchemaRef {
  doc: OpenApiDocument;
  schema: Schema;
}

/** Follows $ref and single-entry allOf (how Kubernetes wraps references with a description). */
export function resolve(ref: SchemaRef): SchemaRef {
  let { schema } = ref;
  for (let hops = 0; hops < 20; hops++) {
    const target = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0]!.$ref : undefined);
    if (!target) break;
    const next = ref.doc.components?.schemas?.[target.replace('#/components/schemas/', '')];
    if (!next) break;
    schema = { ...next, description: schema.description ?? next.description };
  }
  return { doc: ref.doc, schema };
}

/** The schema of a kind's objects, found by its x-kubernetes-group-version-kind. */
export function kindSchema(doc: OpenApiDocument, apiVersion: string, kind: string): SchemaRef | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    if (schema['x-kubernetes-group-version-kind']?.some((g) => g.group === group && g.version === version && g.kind === kind)) return { doc, schema };
  }
  return undefined;
}

/** The schema at a field path below `root` ('[]' or an index: a sequence's items). */
export function schemaAt(root: SchemaRef, path: PathSegment[]): SchemaRef | undefined {
  let at: SchemaRef | undefined = resolve(root);
  for (const seg of path) {
    if (!at) return undefined;
    const s: Schema = at.schema;
    const next = typeof seg === 'number' || seg === '[]' ? s.items : (s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined));
    at = next ? resolve({ doc: at.doc, schema: next }) : undefined;
  }
  return at;
}

/** How a field's type reads in a completion: string, integer, []Container, map[string]string. */
export function typeLabel(ref: SchemaRef): string {
  const { schema } = resolve(ref);
  if (schema['x-kubernetes-int-or-string']) return 'int-or-string';
  if (schema.type === 'array' && schema.items) return `[]${typeLabel({ doc: ref.doc, schema: schema.items })}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') return `map[string]${typeLabel({ doc: ref.doc, schema: schema.additionalProperties })}`;
  const named = ref.schema.$ref ?? ref.schema.allOf?.[0]?.$ref;
  if (named) return named.split('.').pop()!;
  return schema.type ?? 'object';
}

/** The group-version document's path: /openapi/v3/api/v1, /openapi/v3/apis/apps/v1. */
export function documentPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`;
}

interface OpenApiIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

const cache = new Map<string, Promise<OpenApiDocument | undefined>>();

/** The document of a group-version on a cluster, fetched once (undefined where the cluster
 *  serves no OpenAPI v3, or not this group-version). A failed fetch is retried next time. */
export function openApiDocument(clusterId: string, apiVersion: string): Promise<OpenApiDocument | undefined> {
  const key = `${clusterId}\n${apiVersion}`;
  let doc = cache.get(key);
  if (!doc) {
    doc = (async () => {
      const index = await kubeRequest<OpenApiIndex>({ method: 'GET', path: '/openapi/v3' });
      const entry = index.paths[documentPath(apiVersion)];
      if (!entry) return undefined;
      // The URL carries ?hash=, which lets the server answer it as immutable.
      const url = new URL(entry.serverRelativeURL, 'http://cluster');
      return kubeRequest<OpenApiDocument>({ method: 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) });
    })();
    doc.catch(() => cache.delete(key));
    cache.set(key, doc);
  }
  return doc;
}
