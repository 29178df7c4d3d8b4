// Serves /openapi/v3: one document per group-version, built on first request and kept until
// the set of resources changes (a CRD comes or goes), with the hash kubectl caches by.
import type { Catalog } from './catalog';
import type { Schemas } from './schemas';
import { openAPIV3Document, openAPIV3Hash, openAPIV3Index } from './openapi/documents';

export class OpenApiService {
  private readonly docs = new Map<string, { json: string; hash: string }>();

  constructor(
    private readonly catalog: Catalog,
    private readonly schemas: Schemas,
  ) {
    catalog.onChange(() => this.docs.clear());
  }

  /** Paths as the index names them: "api/v1", "apis/apps/v1". */
  groupVersionPaths(): string[] {
    const out: string[] = [];
    for (const g of this.catalog.groups()) for (const v of g.versions) out.push(g.group ? `apis/${g.group}/${v}` : `api/${v}`);
    return out;
  }

  index(): object {
    const paths = this.groupVersionPaths();
    const hashes: Record<string, string> = {};
    for (const p of paths) hashes[p] = this.document(p)!.hash;
    return openAPIV3Index(paths, hashes);
  }

  /** The document for "api/v1" or "apis/apps/v1", or undefined when nothing is served there. */
  document(path: string): { json: string; hash: string } | undefined {
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
      })),
    );
    const entry = { json: JSON.stringify(doc), hash: openAPIV3Hash(doc) };
    this.docs.set(path, entry);
    return entry;
  }
}
