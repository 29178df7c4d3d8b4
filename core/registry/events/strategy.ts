// core/v1 Event rules: only the legacy checks Kubernetes keeps for v1 clients
// (legacyValidateEvent); the stricter ones apply to events.k8s.io.
import type { Event } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { isDNS1123Subdomain, isQualifiedName } from '../../machinery/names';

type EventObject = Kube<Event>;

const limits = { reportingInstance: 128, action: 128, reason: 128, message: 4 * 1024 };

const tooLongText = (field: string, max: number): FieldError => invalid(field, '', `can have at most ${max} characters`);

function validateEvent(ev: EventObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const mismatch = (): FieldError => invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  if (!ev.eventTime) {
    if (!involvedNs) {
      if (ns !== '' && ns !== 'default') errs.push(mismatch());
    } else if (ns !== involvedNs) {
      errs.push(mismatch());
    }
  } else {
    // "New" events (with eventTime) must say who reported them and what happened.
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const controller = ev.reportingComponent ?? '';
    if (!controller) errs.push(required('reportingComponent'));
    for (const m of isQualifiedName(controller)) errs.push(invalid('reportingComponent', controller, m));
    for (const [field, max] of Object.entries(limits)) {
      const value = (ev as Record<string, unknown>)[field];
      const text = typeof value === 'string' ? value : '';
      if (!text && field !== 'message') errs.push(required(field));
      if (text.length > max) errs.push(tooLongText(field, max));
    }
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid('namespace', ns, m));
  return errs;
}

export const strategy: Strategy<EventObject> = {
  validate: validateEvent,
};
