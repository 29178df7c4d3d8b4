// The events view's filters: type (Normal/Warning), reason, the involved object's kind, and
// text matched case-insensitively against the message, reason, object and source.
import type { Event } from 'kubernetes-types/core/v1';

export interface EventFilter {
  type: string;
  reason: string;
  kind: string;
  text: string;
}

export const NO_FILTER: EventFilter = { type: '', reason: '', kind: '', text: '' };

export function matchesEvent(e: Event, f: EventFilter): boolean {
  if (f.type && e.type !== f.type) return false;
  if (f.reason && e.reason !== f.reason) return false;
  if (f.kind && e.involvedObject.kind !== f.kind) return false;
  if (!f.text) return true;
  const o = e.involvedObject;
  const haystack = [e.message, e.reason, o.kind, o.namespace, o.name, e.source?.component, e.reportingComponent].join(' ').toLowerCase();
  return haystack.includes(f.text.toLowerCase());
}

/** The distinct values of a field, sorted, for the filter's choices. */
export function choices(events: Event[], pick: (e: Event) => string | undefined): string[] {
  const values = new Set<string>();
  for (const e of events) {
    const v = pick(e);
    if (v) values.add(v);
  }
  return [...values].sort();
}
