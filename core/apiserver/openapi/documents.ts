// The OpenAPI v3 documents served at /openapi/v3 (the index) and /openapi/v3/<api|apis/g>/<v>
// (one per group-version): what kubectl explain reads and where kubectl looks for the
// fieldValidation parameter before it sends fieldValidation=Strict.

import { createHash } from 'node:crypto';
import { loadDefinitions, schemaNameForKind, SCHEMA_REF_PREFIX } from '../../registry/openapi/definitions';
import { collectSchemas } from './collect-schemas';
import { discoveryOperation, operationsFor, type OpenAPIResource } from './operations';
import type { SchemaObject } from '../../registry/openapi/schema-node';

export type { OpenAPIResource } from './operations';

/** Kubernetes' version our schemas follow, reported in info.version. */
export const KUBERNETES_VERSION = 'v1.32.0';

/** "v1" -> "api/v1", "apps/v1" -> "apis/apps/v1"; paths already in that form stay as they are. */
export function groupVersionPath(groupVersion: string): string {
  if (/^(api|apis)\//.test(groupVersion)) return groupVersion;
  return groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
}

/** Upper-case hex SHA-512: the v3 hash in serverRelativeURL and the v2 ETag. */
export function specHash(json: string | Buffer): string {
  return createHash('sha512').update(json).digest('hex').toUpperCase();
}

/** The ETag-style hash the real server puts in serverRelativeURL. */
export function openAPIV3Hash(document: object): string {
  return specHash(JSON.stringify(document));
}

let builtInHash: string | undefined;

/**
 * The body of GET /openapi/v3. hashes maps a group-version to the hash of its current
 * document (openAPIV3Hash); clients cache documents by URL, so a changed document needs a
 * changed hash. Without one the hash covers the group-version and the built-in schemas.
 */
export function openAPIV3Index(groupVersions: string[], hashes: Record<string, string> = {}): object {
  builtInHash ??= openAPIV3Hash(loadDefinitions());
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions) {
    const key = groupVersionPath(gv);
    const hash = hashes[gv] ?? openAPIV3Hash({ gv, builtInHash });
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}

/** The component name Kubernetes gives a CRD's schema: group reversed, then version and kind. */
export function customResourceSchemaName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

function ref(name: string): SchemaObject {
  return { $ref: SCHEMA_REF_PREFIX + name };
}

/** A CRD's schema as published: metadata is ObjectMeta, and the kind is tagged. */
function customResourceSchemas(r: OpenAPIResource, schema: SchemaObject): Record<string, SchemaObject> {
  const name = customResourceSchemaName(r.group, r.version, r.kind);
  const gvk = (kind: string) => [{ group: r.group, version: r.version, kind }];
  const item: SchemaObject = {
    ...schema,
    type: 'object',
    properties: { ...schema.properties, metadata: { allOf: [ref(OBJECT_META)], description: "Standard object's metadata." } },
    'x-kubernetes-group-version-kind': gvk(r.kind),
  };
  const list: SchemaObject = {
    description: `${r.kind}List is a list of ${r.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string' },
      items: { type: 'array', items: ref(name) },
      kind: { type: 'string' },
      metadata: { allOf: [ref(LIST_META)] },
    },
    'x-kubernetes-group-version-kind': gvk(`${r.kind}List`),
  };
  return { [name]: item, [`${name}List`]: list };
}

/**
 * The OpenAPI 3.0 document of one group-version: paths for its resources and the component
 * schemas those paths reference, transitively, and no others.
 */
export function openAPIV3Document(
  groupVersion: string,
  resources: OpenAPIResource[],
  extraSchemas: Record<string, SchemaObject> = {},
): object {
  const local: Record<string, SchemaObject> = { ...extraSchemas };
  const gvPath = groupVersionPath(groupVersion);
  const paths: Record<string, object> = { [`/${gvPath}/`]: discoveryOperation(gvPath) };
  for (const r of resources) {
    let kindSchema = schemaNameForKind(r.group, r.version, r.kind);
    if (r.definitions) {
      Object.assign(local, r.definitions);
      kindSchema = Object.keys(r.definitions).find((name) =>
        r.definitions![name]!['x-kubernetes-group-version-kind']?.some((g) => g.group === r.group && g.version === r.version && g.kind === r.kind),
      );
    }
    if (r.schema) {
      Object.assign(local, customResourceSchemas(r, r.schema));
      kindSchema = customResourceSchemaName(r.group, r.version, r.kind);
    }
    if (!kindSchema) continue;
    Object.assign(paths, operationsFor(r, kindSchema));
  }
  const builtIn = loadDefinitions();
  const schemas = collectSchemas(paths, (name) => local[name] ?? builtIn[name]);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths,
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
    security: [{ BearerToken: [] }],
  };
}
