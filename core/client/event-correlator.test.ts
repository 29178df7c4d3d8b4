import { describe, expect, it } from 'vitest';
import { EventCorrelator, type EventDraft } from './event-correlator';

const rs = { kind: 'ReplicaSet', namespace: 'default', name: 'web-1', uid: 'u1', apiVersion: 'apps/v1' };
const created = (i: number): EventDraft => ({ component: 'replicaset-controller', host: '', ref: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: web-1-${i}` });
const T0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Correlates each draft, naming each new Event "e<n>", and returns what would be written. */
function run(c: EventCorrelator, drafts: Array<[EventDraft, Date]>) {
  let n = 0;
  return drafts.map(([d, now]) => {
    const r = c.correlate(d, now);
    if (!r) return 'dropped';
    const existing = r.slot.name;
    if (!existing) r.slot.name = `e${++n}`;
    return `${existing ?? `e${n}`} x${r.count} ${r.message}`;
  });
}

describe('EventCorrelator', () => {
  it('combines similar events from the tenth message on, and drops what passes the burst of 25', () => {
    const out = run(new EventCorrelator(), Array.from({ length: 40 }, (_, i) => [created(i), at(i)] as [EventDraft, Date]));
    expect(out.slice(0, 9)).toEqual(Array.from({ length: 9 }, (_, i) => `e${i + 1} x1 Created pod: web-1-${i}`));
    expect(out[9]).toBe('e10 x1 (combined from similar events): Created pod: web-1-9');
    expect(out[24]).toBe('e10 x16 (combined from similar events): Created pod: web-1-24');
    expect(out.slice(25)).toEqual(Array(15).fill('dropped'));
  });

  it('counts an event seen again on the first one, and refills one event per five minutes', () => {
    const c = new EventCorrelator();
    const backoff: EventDraft = { component: 'kubelet', host: 'wrk1', ref: { ...rs, kind: 'Pod' }, type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container' };
    const out = run(c, [
      ...Array.from({ length: 26 }, (_, i) => [backoff, at(i * 1000)] as [EventDraft, Date]),
      [backoff, at(25_000 + 300_000)],
    ]);
    expect(out[0]).toBe('e1 x1 Back-off restarting failed container');
    expect(out[24]).toBe('e1 x25 Back-off restarting failed container');
    expect(out[25]).toBe('dropped');
    // Dropped occurrences still count, as in client-go.
    expect(out[26]).toBe('e1 x27 Back-off restarting failed container');
  });

  it('starts a fresh aggregate after ten quiet minutes, and keeps objects apart', () => {
    const c = new EventCorrelator();
    const other = (i: number): EventDraft => ({ ...created(i), ref: { ...rs, name: 'web-2', uid: 'u2' } });
    const out = run(c, [
      ...Array.from({ length: 9 }, (_, i) => [created(i), at(i)] as [EventDraft, Date]),
      [other(0), at(10)],
      [created(9), at(11 + 600_001)],
    ]);
    expect(out[9]).toBe('e10 x1 Created pod: web-1-0');
    expect(out[10]).toBe('e11 x1 Created pod: web-1-9');
  });
});
