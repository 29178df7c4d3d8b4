// Which patch client-side apply sends, decided as kubectl's Patcher decides it from the
// server's OpenAPI v3: a strategic merge patch, walked with the kind's schema, when the kind's
// PATCH operation accepts one (built-in kinds); a JSON merge patch otherwise (CRDs, aggregated
// APIs), which has no list merging.
import { SchemaNode, type SchemaObject } from '../../registry/openapi/schema-node';
import type { ResourceInfo } from '../discovery';
import type { RestClient } from '../rest';

type Gvk = { group: string; version: string; kind: string };

interface V3Document {
  paths?: Record<string, Record<string, { 'x-kubernetes-group-version-kind'?: Gvk; requestBody?: { content?: Record<string, unknown> } }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export type PatchChoice = { type: 'strategic'; schema: SchemaNode } | { type: 'merge' };

const STRATEGIC = 'application/strategic-merge-patch+json';
const sameGvk = (a: Gvk | undefined, info: ResourceInfo) => a?.group === info.group && a.version === info.version && a.kind === info.kind;

export async function patchChoice(rest: RestClient, info: ResourceInfo): Promise<PatchChoice> {
  const index = await rest.json<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ path: '/openapi/v3' }).catch(() => undefined);
  const url = index?.paths?.[info.group ? `apis/${info.group}/${info.version}` : `api/${info.version}`]?.serverRelativeURL;
  if (!url) return { type: 'merge' };
  const [path, query] = url.split('?') as [string, string | undefined];
  const doc = await rest.json<V3Document>({ path, query: Object.fromEntries(new URLSearchParams(query ?? '')) });
  const strategic = Object.values(doc.paths ?? {}).some((ops) => sameGvk(ops.patch?.['x-kubernetes-group-version-kind'], info) && ops.patch?.requestBody?.content?.[STRATEGIC]);
  const schemas = doc.components?.schemas ?? {};
  const root = Object.values(schemas).find((s) => s['x-kubernetes-group-version-kind']?.some((g) => sameGvk(g, info)));
  if (!strategic || !root) return { type: 'merge' };
  return { type: 'strategic', schema: new SchemaNode(root, (name) => schemas[name]) };
}
