// meta.k8s.io/v1 Table, as the API server returns it for `Accept: ...;as=Table`: the same
// columns kubectl prints.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  /** PartialObjectMetadata (includeObject=Metadata, the default). */
  object?: { metadata?: ObjectMeta };
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata?: { resourceVersion?: string; continue?: string };
  columnDefinitions?: TableColumn[];
  rows?: TableRow[];
}

export function isTable(value: unknown): value is Table {
  return (value as { kind?: unknown })?.kind === 'Table';
}

/** A row's identity in the cache: uid when the server sent one, else namespace/name. */
export function rowKey(row: TableRow): string {
  const meta = row.object?.metadata;
  return meta?.uid ?? `${meta?.namespace ?? ''}/${meta?.name ?? String(row.cells[0])}`;
}
