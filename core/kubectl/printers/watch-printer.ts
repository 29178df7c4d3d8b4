// How `kubectl get --watch` prints: one printer for the whole watch, fed the listed objects and
// then each event, flushed after the list and after every event. The human-readable one is
// cli-runtime's HumanReadablePrinter: the header once (again only if the columns change), later
// Tables without column definitions read with the last ones, an EVENT column with
// --output-watch-events, and column widths that never shrink (the watch's one tabwriter).
import type { WatchEventType } from '../watch-events';
import type { ObjectPrinter } from './template-printers';
import { alignColumns } from './tabwriter';
import { tableLines, type Table, type TableColumnDefinition, type TableOptions } from './table';
import { asList, toJson, toYaml } from './yaml-json';
import { withoutManagedFields } from './managed-fields';

export interface WatchPrinter {
  /** One object (a Table when human-readable); `event` with --output-watch-events. */
  add(obj: Record<string, unknown>, event?: WatchEventType): void;
  /** What was added since the last flush, as written out. */
  flush(): string;
}

/** Event types padded to one width, as kubectl writes them. */
const EVENT_CELL: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

export function tableWatchPrinter(opts: TableOptions): WatchPrinter {
  let lastColumns: TableColumnDefinition[] = [];
  let printedHeaders = false;
  const remembered: number[] = [];
  let pending: string[][] = [];
  return {
    add(obj, event) {
      const table = obj as Table;
      const given = table.columnDefinitions ?? [];
      const same = JSON.stringify(given) === JSON.stringify(lastColumns);
      const noHeaders = opts.noHeaders || (printedHeaders && (given.length === 0 || same));
      if (given.length && !same) {
        lastColumns = given;
        printedHeaders = false;
      }
      const rows = table.rows ?? [];
      if (rows.length === 0) return;
      printedHeaders = true;
      const lines = tableLines({ rows }, lastColumns, { ...opts, noHeaders });
      if (event) lines.forEach((cells, i) => cells.unshift(i === 0 && !noHeaders ? 'EVENT' : (EVENT_CELL[event] ?? event)));
      pending.push(...lines);
    },
    flush() {
      const text = pending.length ? alignColumns(pending, { remembered }) : '';
      pending = [];
      return text;
    },
  };
}

/** Go's json.Marshal of a metav1.WatchEvent: compact, type then the object with its keys sorted, <, > and & escaped. */
function eventJson(type: WatchEventType, obj: Record<string, unknown>): string {
  const object = JSON.parse(toJson(obj)) as unknown;
  return JSON.stringify({ type, object }).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

export interface ObjectWatchOptions {
  output: 'yaml' | 'json' | 'name';
  showManagedFields: boolean;
  /** `configmap`, `deployment.apps`: -o name's prefix. */
  kind: string;
}

/**
 * -o yaml|json|name. Objects lose managedFields as in `get`; events are printed whole, as
 * kubectl's printers take a WatchEvent: YAML keys sorted, JSON compact on one line.
 */
export function objectWatchPrinter(opts: ObjectWatchOptions): WatchPrinter {
  let count = 0;
  return textPrinter((obj, event) => {
    count++;
    if (opts.output === 'name') return `${opts.kind}/${(obj.metadata as { name?: string } | undefined)?.name ?? ''}\n`;
    if (opts.output === 'json' && event) return `${eventJson(event, obj)}\n`;
    const value = event ? { type: event, object: obj } : opts.showManagedFields ? obj : withoutManagedFields(obj);
    if (opts.output === 'json') return toJson(value);
    // Go's YAML printer separates documents after the first.
    return `${count > 1 ? '---\n' : ''}${toYaml(value)}`;
  });
}

/**
 * -o jsonpath=... and the other templates: each object (or event) through the template; custom
 * columns align what one flush brings as one table, as the watch's tabwriter does.
 */
export function templateWatchPrinter(template: ObjectPrinter): WatchPrinter {
  let pending: Record<string, unknown>[] = [];
  return {
    add(obj, event) {
      pending.push(event ? { type: event, object: obj } : obj);
    },
    flush() {
      const objects = pending;
      pending = [];
      if (template.tabular) return objects.length ? template.print(asList(objects)) : '';
      return objects.map((o) => template.print(o)).join('');
    },
  };
}

/** A printer whose text needs no alignment: written out as it comes. */
function textPrinter(text: (obj: Record<string, unknown>, event?: WatchEventType) => string): WatchPrinter {
  let pending = '';
  return {
    add(obj, event) {
      pending += text(obj, event);
    },
    flush() {
      const out = pending;
      pending = '';
      return out;
    },
  };
}
