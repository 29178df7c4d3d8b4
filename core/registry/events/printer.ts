// kubectl get events (core/v1): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; wide: SUBOBJECT, SOURCE,
// FIRST SEEN, COUNT, NAME. The first column is LAST SEEN, not NAME, as in Kubernetes.
import type { Event } from 'kubernetes-types/core/v1';
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
        message: ev.message,
        involvedObject: ev.involvedObject,
        source: ev.source,
        reportingController: ev.reportingComponent,
        reportingInstance: ev.reportingInstance,
        firstTimestamp: ev.firstTimestamp,
        lastTimestamp: ev.lastTimestamp,
        eventTime: ev.eventTime,
        count: ev.count,
        series: ev.series,
      },
      now,
    ),
};
