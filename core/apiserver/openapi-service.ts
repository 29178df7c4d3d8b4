// Serves /openapi/v3 (one document per group-version, with the hash kubectl caches by) and
// /openapi/v2 (one document made from all of those, as JSON or gnostic protobuf, with the ETag
// of its JSON). Each is built on first request and kept until the set of resources changes
// (a CRD comes or goes) or, as kube-apiserver's OpenAPI controllers do, a custom resource's
// schema changes (then its group-version's document and v2). Only the serialised forms are kept:
// the object graphs are several times their size, and are parsed again on the rare rebuild.
import type { Catalog } from './catalog';
import type { Schemas } from './schemas';
import { openAPIV3Document, openAPIV3Index, specHash } from './openapi/documents';
import { openAPIV2Document, type V3Document } from './openapi/v2-document';
import { encodeOpenAPIV2 } from './openapi/gnostic-encoder';
import type { JsonMap } from '../machinery/json-value';

interface V3Entry {
  json: string;
  hash: string;
}

export interface V2Entry {
  json: Buffer;
  /** Upper-case hex SHA-512 of the JSON, for both forms, as kube-openapi's handler computes it. */
  etag: string;
  lastModified: Date;
  /** The gnostic protobuf form, encoded (from the JSON parsed again) on first ask. */
  protobuf(): Buffer;
}

export class OpenApiService {
  private readonly docs = new Map<string, V3Entry>();
  private v2: V2Entry | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly schemas: Schemas,
  ) {
    catalog.onChange(() => {
      this.docs.clear();
      this.v2 = undefined;
    });
    schemas.onCustomChange((group, version) => {
      this.docs.delete(groupVersionPath(group, version));
      this.v2 = undefined;
    });
  }

  /** Paths as the index names them: "api/v1", "apis/apps/v1". */
  groupVersionPaths(): string[] {
    const out: string[] = [];
    for (const g of this.catalog.groups()) for (const v of g.versions) out.push(groupVersionPath(g.group, v));
    return out;
  }

  index(): object {
    const paths = this.groupVersionPaths();
    const hashes: Record<string, string> = {};
    for (const p of paths) hashes[p] = this.document(p)!.hash;
    return openAPIV3Index(paths, hashes);
  }

  /** The document for "api/v1" or "apis/apps/v1", or undefined when nothing is served there. */
  document(path: string): V3Entry | undefined {
    const cached = this.docs.get(path);
    if (cached) return cached;
    const m = /^(?:api\/(v[^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    const group = m?.[2] ?? '';
    const version = m?.[1] ?? m?.[3];
    const defs = version ? this.catalog.resourcesOf(group, version) : [];
    if (!defs.length) return undefined;
    const doc = openAPIV3Document(
      group ? `${group}/${version}` : version!,
      defs.map((d) => ({
        group: d.group,
        version: d.version,
        kind: d.kind,
        plural: d.plural,
        namespaced: d.namespaced,
        subresources: [
          ...(d.status ? ['status'] : []),
          ...(d.scale ? ['scale'] : []),
          ...(d.subresources ?? []).map((s) => s.name),
        ],
        schema: d.custom ? this.schemas.customSchema(d.group, d.version, d.kind) : undefined,
        verbs: d.verbs,
        definitions: d.definitions,
      })),
    );
    const json = JSON.stringify(doc);
    const entry = { json, hash: specHash(json) };
    this.docs.set(path, entry);
    return entry;
  }

  /** The /openapi/v2 document. */
  openAPIV2(): V2Entry {
    if (this.v2) return this.v2;
    const groupVersions = this.groupVersionPaths().map((p) => JSON.parse(this.document(p)!.json) as V3Document);
    const json = Buffer.from(JSON.stringify(openAPIV2Document(groupVersions)));
    let protobuf: Buffer | undefined;
    this.v2 = {
      json,
      etag: specHash(json),
      lastModified: new Date(),
      protobuf: () => (protobuf ??= encodeOpenAPIV2(JSON.parse(json.toString('utf8')) as JsonMap)),
    };
    return this.v2;
  }
}

function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}
