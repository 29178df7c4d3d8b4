import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type EventObject = Kube<Event>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

const event = (fields: Partial<Event>, namespace = 'default'): EventObject =>
  ({ metadata: { name: 'web.1', namespace }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, ...fields }) as EventObject;

describe('core/v1 event validation', () => {
  it.each<[string, EventObject, string[]]>([
    ['legacy event', event({ reason: 'Started', message: 'ok' }), []],
    ['namespace mismatch', event({}, 'other'), ['FieldValueInvalid involvedObject.namespace']],
    ['cluster-scoped object in default', event({ involvedObject: { kind: 'Node', name: 'n1' } }), []],
    ['cluster-scoped object elsewhere', event({ involvedObject: { kind: 'Node', name: 'n1' } }, 'team'), ['FieldValueInvalid involvedObject.namespace']],
    [
      'new-style event needs reporter, action and reason',
      event({ eventTime: '2025-01-01T00:00:00.000000Z' }),
      [
        'FieldValueRequired reportingComponent',
        'FieldValueInvalid reportingComponent',
        'FieldValueInvalid reportingComponent',
        'FieldValueRequired reportingInstance',
        'FieldValueRequired action',
        'FieldValueRequired reason',
      ],
    ],
    [
      'complete new-style event',
      event({ eventTime: '2025-01-01T00:00:00.000000Z', reportingComponent: 'kubelet', reportingInstance: 'n1', action: 'Pulling', reason: 'Pulling' }),
      [],
    ],
  ])('%s', (_n, ev, expected) => {
    expect(brief(strategy.validate!(ev))).toEqual(expected);
  });
});
