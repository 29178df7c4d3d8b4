// meta.k8s.io/v1 Table responses, as the API server builds them for `kubectl get`
// (apiserver handlers/response.go asTable, with the printers' ConvertToTable).
import type { KubeObject } from '../../machinery/object';
import type { Printer } from '../types';

/** What each row carries besides its cells (the includeObject query parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface TableOptions {
  now: Date;
  includeObject: IncludeObject;
  listMeta?: TableListMeta;
  /** The noHeaders table option: leave out the column definitions. */
  omitHeaders?: boolean;
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: TableListMeta;
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

/** The row object for includeObject=Metadata: all of the object's metadata, nothing else. */
export function partialObjectMetadata(obj: KubeObject): object {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  switch (include) {
    case 'Object':
      return obj;
    case 'Metadata':
      return partialObjectMetadata(obj);
    case 'None':
      // Go serialises the emptied RawExtension as null.
      return null;
  }
}

function listMeta(meta: TableListMeta | undefined): TableListMeta {
  const out: TableListMeta = {};
  if (meta?.resourceVersion) out.resourceVersion = meta.resourceVersion;
  if (meta?.continue) out.continue = meta.continue;
  if (meta?.remainingItemCount !== undefined) out.remainingItemCount = meta.remainingItemCount;
  return out;
}

/**
 * Renders objects as a Table. The server always prints the wide columns (priority 1) too; kubectl
 * hides them unless -o wide. Without listMeta, a single object's resourceVersion is used, as the
 * real server does for a GET of one object.
 */
export function buildTable<T extends KubeObject>(printer: Printer<T>, objects: T[], opts: TableOptions): Table {
  const single = objects.length === 1 && !opts.listMeta ? objects[0].metadata.resourceVersion : undefined;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta(opts.listMeta ?? { resourceVersion: single }),
    // Go leaves the slice nil when headers are not wanted, which encodes as null.
    columnDefinitions: opts.omitHeaders
      ? null
      : printer.columns.map((c) => ({
          name: c.name,
          type: c.type,
          format: c.format ?? '',
          description: c.description,
          priority: c.priority,
        })),
    rows: objects.map((obj) => ({ cells: printer.cells(obj, opts.now), object: rowObject(obj, opts.includeObject) })),
  };
}
