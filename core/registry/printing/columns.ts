// Column definitions that many kinds share, and a terse constructor for the rest.
import type { TableColumn } from '../types';
import { doc } from './descriptions';

/** A column; priority 1 marks the ones kubectl shows only with -o wide. */
export function column(
  name: string,
  type: TableColumn['type'],
  description: string,
  opts: { priority?: number; format?: string } = {},
): TableColumn {
  const col: TableColumn = { name, type, description, priority: opts.priority ?? 0 };
  if (opts.format !== undefined) col.format = opts.format;
  return col;
}

export const nameColumn = column('Name', 'string', doc.name, { format: 'name' });
export const ageColumn = column('Age', 'string', doc.creationTimestamp);
export const containersColumn = column('Containers', 'string', 'Names of each container in the template.', { priority: 1 });
export const imagesColumn = column('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 });
