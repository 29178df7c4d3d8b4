// Columns a kind's list adds to the server's Table on the client, for what `kubectl get` does
// not print but users of Lens and Headlamp expect (a node's pods and taints). Meant for short
// lists: when its own watches move, every row's extra cells are computed again.
import type { TableColumn, TableRow } from './table';

export interface TableExtension {
  columns: TableColumn[];
  /** Added to the list's own Table request, e.g. includeObject=Object for spec fields. */
  query?: Record<string, string>;
  /** The extra cells of a row, in the order of `columns`. */
  cells(row: TableRow): unknown[];
  /** Starts the extension's own watches; `changed` says the cells may differ. Returns stop. */
  start(changed: () => void): () => void;
}

/** The row with the extension's cells after the server's. */
export function extendRow(row: TableRow, extension: TableExtension): TableRow {
  return { ...row, cells: [...row.cells, ...extension.cells(row)] };
}
