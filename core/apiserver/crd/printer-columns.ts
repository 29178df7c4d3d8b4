// Table printing for custom resources: Name, then the CRD's additionalPrinterColumns (or Age
// when there are none), each cell read with the column's JSONPath as kube-apiserver does.
import type { CustomResourceColumnDefinition } from 'kubernetes-types/apiextensions/v1';
import { JSONPath } from 'jsonpath-plus';
import type { KubeObject } from '../../machinery/object';
import type { Printer, TableColumn } from '../../registry/types';
import { humanDuration } from '../../machinery/human-duration';

const NAME: TableColumn = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 };
const AGE: TableColumn = { name: 'Age', type: 'date', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 };

function cell(obj: KubeObject, col: CustomResourceColumnDefinition, now: Date): unknown {
  const results = JSONPath({ path: `$${col.jsonPath.startsWith('.') ? '' : '.'}${col.jsonPath}`, json: obj as object, wrap: true }) as unknown[];
  if (!results.length) return null;
  const v = results.length === 1 ? results[0] : results;
  if (col.type === 'date' && typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : humanDuration(now.getTime() - t);
  }
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return v;
}

export function customResourcePrinter(columns: CustomResourceColumnDefinition[] | undefined): Printer {
  if (!columns?.length) {
    return { columns: [NAME, AGE], cells: (o, now) => [o.metadata.name, cell(o, { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }, now)] };
  }
  return {
    columns: [
      NAME,
      ...columns.map((c) => ({
        name: c.name,
        type: c.type as TableColumn['type'],
        ...(c.format ? { format: c.format } : {}),
        description: c.description ?? '',
        priority: c.priority ?? 0,
      })),
    ],
    cells: (o, now) => [o.metadata.name, ...columns.map((c) => cell(o, c, now))],
  };
}
