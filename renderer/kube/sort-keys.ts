// Sort keys for Table cells, so a click on a header orders by value and not by text: ages by
// creation time, counts and quantities ("500m", "1Gi") by amount, kubectl durations ("3d4h")
// by length, names naturally ("web-2" before "web-10").
import { cellString } from './cells';
import type { TableColumn, TableRow } from './table';

/** How a column's cells compare; `age` reads the row's creationTimestamp instead of the cell. */
export type ColumnKind = 'age' | 'number' | 'duration' | 'quantity' | 'leading-number' | 'text';

/** undefined: no value (empty, `<none>`, `<unknown>`); always sorts last. */
export type SortKey = number | string | undefined;

const DURATION = /^(\d+y)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/;
const DURATION_PART = /(\d+)([ydhms])/g;
const DURATION_UNIT: Record<string, number> = { y: 365 * 86_400, d: 86_400, h: 3_600, m: 60, s: 1 };
const QUANTITY = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const QUANTITY_UNIT: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const LEADING_NUMBER = /^\d+(\.\d+)?/;

/** The cell as kubectl prints it, or undefined when it holds no value. */
export function cellValue(row: TableRow, index: number): string | undefined {
  const text = cellString(row.cells[index]);
  return text === '' || /^<.*>$/.test(text) ? undefined : text;
}

export function durationSeconds(text: string): number | undefined {
  if (!text || !DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(DURATION_PART)) total += Number(n) * DURATION_UNIT[unit];
  return total;
}

export function quantityValue(text: string): number | undefined {
  const m = QUANTITY.exec(text);
  return m ? Number(m[1]) * QUANTITY_UNIT[m[2] ?? ''] : undefined;
}

/** Decides how a column sorts from its type and, for string columns, from its values: the
 *  narrowest kind every non-empty sampled cell fits. */
export function columnKind(column: TableColumn, index: number, rows: Iterable<TableRow>, sample = 500): ColumnKind {
  if (column.name === 'Age') return 'age';
  if (column.type === 'integer' || column.type === 'number') return 'number';
  let duration = true;
  let quantity = true;
  let leading = true;
  let seen = 0;
  for (const row of rows) {
    const text = cellValue(row, index);
    if (text === undefined) continue;
    duration &&= durationSeconds(text) !== undefined;
    quantity &&= QUANTITY.test(text);
    leading &&= LEADING_NUMBER.test(text);
    if (++seen >= sample || !(duration || quantity || leading)) break;
  }
  if (!seen) return 'text';
  // "5m" is both a duration and a quantity (5 milli); in a string column it is a duration.
  if (duration) return 'duration';
  if (quantity) return 'quantity';
  return leading ? 'leading-number' : 'text';
}

export function sortKey(row: TableRow, index: number, kind: ColumnKind): SortKey {
  if (kind === 'age') {
    // Youngest first, as the AGE text reads smallest first.
    const created = Date.parse(row.object?.metadata?.creationTimestamp ?? '');
    return Number.isNaN(created) ? undefined : -created;
  }
  const text = cellValue(row, index);
  if (text === undefined) return undefined;
  switch (kind) {
    case 'number':
      return finite(Number(text));
    case 'duration':
      return durationSeconds(text);
    case 'quantity':
      return quantityValue(text);
    case 'leading-number':
      return finite(parseFloat(text));
    case 'text':
      return text;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Orders two keys of one column; no value sorts after every value. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}
