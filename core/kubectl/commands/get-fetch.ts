// What `kubectl get` asks the server for, with and without --watch: Tables when it prints
// them, lists in pages (limit/continue), Table rows in --sort-by order.
import type { RestClient } from '../rest';
import type { Table } from '../printers/table';
import { sortByField } from '../printers/sort-by';

/** What kubectl get sends: a Table if the server can, else the plain object or list. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
/** --chunk-size's default. */
export const PAGE = 500;

/** Every page of a list (limit/continue), as kubectl's chunked lists. */
export async function listAll<T extends { metadata?: { continue?: string }; rows?: unknown[]; items?: unknown[] }>(
  rest: RestClient,
  path: string,
  query: Record<string, string | number | undefined>,
  accept: string,
  chunk: number,
): Promise<T[]> {
  const pages: T[] = [];
  let next: string | undefined;
  do {
    const page = await rest.json<T>({ path, query: { ...query, limit: chunk || undefined, continue: next }, accept });
    pages.push(page);
    next = page.metadata?.continue || undefined;
  } while (next);
  return pages;
}

/**
 * A Table's rows in --sort-by order. kubectl sorts only tables of several rows, in its printer,
 * and ignores the printer's error: a table without the field is not printed at all.
 */
export function sortedTable(table: Table, sortBy: string): Table {
  if ((table.rows?.length ?? 0) < 2) return table;
  try {
    return { ...table, rows: sortByField(table.rows!, (r) => r.object, sortBy) };
  } catch {
    return { ...table, rows: [] };
  }
}

