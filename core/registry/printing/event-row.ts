// The event table, shared by core/v1 and events.k8s.io/v1 Events: both are one stored kind in
// Kubernetes and print through the same printer, so each version maps its fields onto this view.
import type { TableColumn } from '../types';
import { column } from './columns';
import { doc } from './descriptions';
import { since } from '../../machinery/human-duration';

/** An event's printable fields, named as in core/v1. */
export interface EventView {
  name: string;
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  source?: { component?: string; host?: string };
  reportingController?: string;
  reportingInstance?: string;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  count?: number;
  series?: { count?: number; lastObservedTime?: string };
}

// The server prints the wide layout: the first columns are kubectl's default view.
export const eventColumns: TableColumn[] = [
  column('Last Seen', 'string', doc.evLast),
  column('Type', 'string', doc.evType),
  column('Reason', 'string', doc.evReason),
  column('Object', 'string', doc.evInvolved),
  column('Subobject', 'string', doc.evFieldPath, { priority: 1 }),
  column('Source', 'string', doc.evSource, { priority: 1 }),
  column('Message', 'string', doc.evMessage),
  column('First Seen', 'string', doc.evFirst, { priority: 1 }),
  column('Count', 'string', doc.evCount, { priority: 1 }),
  column('Name', 'string', doc.name, { priority: 1, format: 'name' }),
];

/** "component, host", falling back to the reporting controller and instance. */
function eventSource(ev: EventView): string {
  const component = ev.source?.component || ev.reportingController || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The row of printEvent: ages from the newest timestamps, counts from the series if any. */
export function eventCells(ev: EventView, now: Date): unknown[] {
  const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
  let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
  let count = ev.count ?? 0;
  if (ev.series) {
    last = since(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  const target = ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
  return [
    last,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    ev.involvedObject?.fieldPath ?? '',
    eventSource(ev),
    (ev.message ?? '').trim(),
    first,
    count,
    ev.name,
  ];
}
