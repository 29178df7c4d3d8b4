import type { Event } from 'kubernetes-types/events/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

function event(change: (e: Kube<Event>) => void = () => undefined): Kube<Event> {
  const e: Kube<Event> = {
    metadata: { name: 'web.17a', namespace: 'default' },
    eventTime: '2024-01-01T00:00:00.000000Z',
    reportingController: 'wheelhouse.dev/scheduler',
    reportingInstance: 'scheduler-1',
    action: 'Binding',
    reason: 'Scheduled',
    type: 'Normal',
    note: 'assigned default/web to node-1',
    regarding: { kind: 'Pod', name: 'web', namespace: 'default' },
  };
  change(e);
  return e;
}

describe('events.k8s.io/v1 event', () => {
  const cases: { name: string; change: (e: Kube<Event>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'no eventTime', change: (e) => delete (e as { eventTime?: string }).eventTime, errors: ['FieldValueRequired eventTime'] },
    { name: 'no reportingController', change: (e) => delete e.reportingController, errors: ['FieldValueRequired reportingController', 'FieldValueInvalid reportingController', 'FieldValueInvalid reportingController'] },
    { name: 'no reportingInstance', change: (e) => delete e.reportingInstance, errors: ['FieldValueRequired reportingInstance'] },
    { name: 'no action', change: (e) => delete e.action, errors: ['FieldValueRequired action'] },
    { name: 'no reason', change: (e) => delete e.reason, errors: ['FieldValueRequired reason'] },
    { name: 'long note', change: (e) => (e.note = 'x'.repeat(1025)), errors: ['FieldValueInvalid message'] },
    { name: 'long reason', change: (e) => (e.reason = 'x'.repeat(129)), errors: ['FieldValueInvalid reason'] },
    { name: 'bad type', change: (e) => (e.type = 'Info'), errors: ['FieldValueInvalid type'] },
    { name: 'deprecated count', change: (e) => (e.deprecatedCount = 2), errors: ['FieldValueInvalid count'] },
    { name: 'short series', change: (e) => (e.series = { count: 1, lastObservedTime: '2024-01-01T00:00:00.000000Z' }), errors: ['FieldValueInvalid series.count'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    expect(errorKeys(strategy.validate!(event(change)))).toEqual(errors);
  });

  it('lets only the series change', () => {
    const old = event();
    const counted = event((e) => (e.series = { count: 2, lastObservedTime: '2024-01-01T00:01:00.000000Z' }));
    expect(strategy.validateUpdate!(counted, old)).toEqual([]);
    expect(errorKeys(strategy.validateUpdate!(event((e) => (e.note = 'other')), old))).toEqual(['FieldValueInvalid message']);
  });
});
