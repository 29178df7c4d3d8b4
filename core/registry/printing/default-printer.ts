// The API server's default table (rest.NewDefaultTableConvertor) for kinds without a printer of
// their own, such as Role, ClusterRole, LimitRange and CustomResourceDefinition: NAME, CREATED AT.
import type { KubeObject } from '../../machinery/object';
import type { Printer } from '../types';
import { column, nameColumn } from './columns';
import { doc } from './descriptions';
import { parseTimestamp } from '../../machinery/human-duration';
import { metaTime } from '../../machinery/meta-time';

// time.Time.UTC().Format(time.RFC3339): whole seconds, "Z"; Go's zero time when unset.
function rfc3339(ts: string | undefined): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return metaTime(new Date(t));
}

/** A printer with the default columns, typed for any kind. */
export function defaultPrinter<T extends KubeObject>(): Printer<T> {
  return {
    columns: [nameColumn, column('Created At', 'date', doc.creationTimestamp)],
    cells: (obj) => [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)],
  };
}
