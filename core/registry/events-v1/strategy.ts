// events.k8s.io/v1 Event: ValidateEventCreate/Update for the strict (events.k8s.io) API.
// Kubernetes validates the internal core Event, so errors name the internal fields
// (involvedObject, message, source, firstTimestamp...) rather than regarding, note...
import type { Event } from 'kubernetes-types/events/v1';
import type { Kube } from '../../machinery/object';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { validateImmutableField } from '../validation/immutable';
import { isDNS1123Subdomain, isQualifiedName } from '../../machinery/names';

type Obj = Kube<Event>;

const lengthLimit = 128;
const noteLengthLimit = 1024;

function validateLimited(value: string | undefined, path: string, limit: number): FieldError[] {
  if (!value) return path === 'message' ? [] : [required(path)];
  return value.length > limit ? [invalid(path, '', `can have at most ${limit} characters`)] : [];
}

function validateSeries(e: Obj): FieldError[] {
  if (!e.series) return [];
  const errs: FieldError[] = [];
  if ((e.series.count ?? 0) < 2) errs.push(invalid('series.count', '', 'should be at least 2'));
  if (!e.series.lastObservedTime) errs.push(required('series.lastObservedTime'));
  return errs;
}

/** The checks every Event passes, whichever API wrote it (legacyValidateEvent for new-style events). */
function validateEvent(e: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = e.metadata.namespace ?? '';
  if (e.eventTime) {
    if (!e.regarding?.namespace && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid('involvedObject.namespace', e.regarding?.namespace ?? '', 'does not match event.namespace'));
    }
    const controller = e.reportingController ?? '';
    if (!controller) errs.push(required('reportingController'));
    errs.push(...isQualifiedName(controller).map((msg) => invalid('reportingController', controller, msg)));
    errs.push(...validateLimited(e.reportingInstance, 'reportingInstance', lengthLimit));
    errs.push(...validateLimited(e.action, 'action', lengthLimit));
    errs.push(...validateLimited(e.reason, 'reason', lengthLimit));
    errs.push(...validateLimited(e.note, 'message', noteLengthLimit));
  }
  errs.push(...isDNS1123Subdomain(namespace).map((msg) => invalid('namespace', namespace, msg)));
  return errs;
}

function validate(e: Obj): FieldError[] {
  const errs = [...validateEvent(e), ...validateSeries(e)];
  if (!e.eventTime) errs.push(required('eventTime'));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${e.type ?? ''}`));
  if (e.deprecatedFirstTimestamp) errs.push(invalid('firstTimestamp', '', 'needs to be unset'));
  if (e.deprecatedLastTimestamp) errs.push(invalid('lastTimestamp', '', 'needs to be unset'));
  if (e.deprecatedCount) errs.push(invalid('count', '', 'needs to be unset'));
  if (e.deprecatedSource?.component || e.deprecatedSource?.host) errs.push(invalid('source', '', 'needs to be unset'));
  return errs;
}

// Once recorded, an event only changes its series (and metadata).
const immutableFields: [keyof Event, string][] = [
  ['regarding', 'involvedObject'],
  ['reason', 'reason'],
  ['note', 'message'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
  ['type', 'type'],
  ['eventTime', 'eventTime'],
  ['action', 'action'],
  ['related', 'related'],
  ['reportingController', 'reportingController'],
  ['reportingInstance', 'reportingInstance'],
];

// validate runs on update too: an event written through this API keeps passing the create
// checks because the fields they look at are immutable.
export const strategy: Strategy<Obj> = {
  validate,
  validateUpdate: (e, old) => immutableFields.flatMap(([f, path]) => validateImmutableField(e[f], old[f], path)),
};
