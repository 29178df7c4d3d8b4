// kubectl get events.v1.events.k8s.io: the same table as core/v1 Events, read through the
// events.k8s.io field names (regarding, note, deprecated*).
import type { Event } from 'kubernetes-types/events/v1';
import type { Printer } from '../types';
import type { Kube } from '../../machinery/object';
import { eventCells, eventColumns } from '../printing/event-row';

export const printer: Printer<Kube<Event>> = {
  columns: eventColumns,
  cells: (ev, now) =>
    eventCells(
      {
        name: ev.metadata.name ?? '',
        type: ev.type,
        reason: ev.reason,
        message: ev.note,
        involvedObject: ev.regarding,
        source: ev.deprecatedSource,
        reportingController: ev.reportingController,
        reportingInstance: ev.reportingInstance,
        firstTimestamp: ev.deprecatedFirstTimestamp,
        lastTimestamp: ev.deprecatedLastTimestamp,
        eventTime: ev.eventTime,
        count: ev.deprecatedCount,
        series: ev.series,
      },
      now,
    ),
};
