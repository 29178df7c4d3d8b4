// The human-readable printer: a server-side Table (meta.k8s.io/v1) as `kubectl get` prints it.
// Default columns are those of priority 0 (-o wide: all); -A puts NAMESPACE first, read from
// each row's object; -L adds a column per label key; --show-labels adds LABELS; with several
// kinds in one command each NAME is prefixed with its kind (`deployment.apps/web`).
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: ObjectMeta };
}

export interface Table {
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  /** `deployment.apps`: printed before each name, with a slash. */
  kindPrefix?: string;
}

/** A cell as Go's fmt prints the decoded JSON value. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '<nil>';
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** The header and rows of one Table, as cells for alignColumns. */
export function tableLines(table: Table, columns: TableColumnDefinition[], opts: TableOptions): string[][] {
  const shown = columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || !c.priority);
  const labelKeys = opts.labelColumns ?? [];
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header = shown.map(({ c }) => c.name.toUpperCase());
    if (opts.withNamespace) header.unshift('NAMESPACE');
    header.push(...labelKeys.map((k) => k.split('/').pop()!.toUpperCase()));
    if (opts.showLabels) header.push('LABELS');
    lines.push(header);
  }
  for (const row of table.rows ?? []) {
    const meta = row.object?.metadata;
    const cells = shown.map(({ i, c }) => {
      const text = cellText(row.cells[i]);
      return opts.kindPrefix && c.format === 'name' ? `${opts.kindPrefix}/${text}` : text;
    });
    if (opts.withNamespace) cells.unshift(meta?.namespace ?? '');
    cells.push(...labelKeys.map((k) => meta?.labels?.[k] ?? ''));
    if (opts.showLabels) cells.push(labelsText(meta?.labels));
    lines.push(cells);
  }
  return lines;
}
