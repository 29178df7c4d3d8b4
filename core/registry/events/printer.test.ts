import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { Event as EventV1 } from 'kubernetes-types/events/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';
import { printer as printerV1 } from '../events-v1/printer';

const now = new Date('2024-05-01T12:00:00Z');
const base = {
  metadata: { name: 'web-1.17c', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{nginx}' },
  reason: 'Pulled',
  type: 'Normal',
  message: '  Successfully pulled image "nginx"\n',
};

describe('event printer', () => {
  it('puts LAST SEEN first and the wide columns where kubectl expects them', () => {
    expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0',
      'Type:0',
      'Reason:0',
      'Object:0',
      'Subobject:1',
      'Source:1',
      'Message:0',
      'First Seen:1',
      'Count:1',
      'Name:1',
    ]);
    expect(printer.columns[9].format).toBe('name');
  });

  const cases: { name: string; ev: Kube<Event>; expected: unknown[] }[] = [
    {
      name: 'classic event with a count',
      ev: {
        ...base,
        source: { component: 'kubelet', host: 'n1' },
        firstTimestamp: '2024-05-01T11:00:00Z',
        lastTimestamp: '2024-05-01T11:55:00Z',
        count: 4,
      },
      expected: ['5m', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{nginx}', 'kubelet, n1', 'Successfully pulled image "nginx"', '60m', 4, 'web-1.17c'],
    },
    {
      name: 'new-style event: eventTime (sub-second ages truncate), reporting controller, no count',
      ev: {
        ...base,
        involvedObject: { kind: 'Deployment', name: 'web' },
        eventTime: '2024-05-01T11:59:50.123456Z',
        reportingComponent: 'deployment-controller',
      },
      expected: ['9s', 'Normal', 'Pulled', 'deployment/web', '', 'deployment-controller', 'Successfully pulled image "nginx"', '9s', 1, 'web-1.17c'],
    },
    {
      name: 'series',
      ev: {
        ...base,
        eventTime: '2024-05-01T11:00:00.000000Z',
        series: { count: 7, lastObservedTime: '2024-05-01T11:58:00.000000Z' },
        reportingComponent: 'kubelet',
        reportingInstance: 'n1',
      },
      expected: ['2m', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{nginx}', 'kubelet, n1', 'Successfully pulled image "nginx"', '60m', 7, 'web-1.17c'],
    },
    {
      name: 'no timestamps, kind without a name',
      ev: { metadata: { name: 'e' }, involvedObject: { kind: 'Node' }, reason: 'Starting', type: 'Normal' },
      expected: ['<unknown>', 'Normal', 'Starting', 'node', '', '', '', '<unknown>', 1, 'e'],
    },
  ];
  it.each(cases)('$name', ({ ev, expected }) => {
    expect(printer.cells(ev, now)).toEqual(expected);
  });

  it('prints events.k8s.io/v1 Events the same way', () => {
    const ev: Kube<EventV1> = {
      metadata: { name: 'web-1.17c', namespace: 'default' },
      eventTime: '2024-05-01T11:00:00.000000Z',
      regarding: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      type: 'Normal',
      note: 'Successfully pulled image "nginx"',
      reportingController: 'kubelet',
      reportingInstance: 'n1',
      deprecatedFirstTimestamp: '2024-05-01T11:00:00Z',
      deprecatedLastTimestamp: '2024-05-01T11:55:00Z',
      deprecatedCount: 4,
    };
    expect(printerV1.columns).toEqual(printer.columns);
    expect(printerV1.cells(ev, now)).toEqual([
      '5m',
      'Normal',
      'Pulled',
      'pod/web-1',
      'spec.containers{nginx}',
      'kubelet, n1',
      'Successfully pulled image "nginx"',
      '60m',
      4,
      'web-1.17c',
    ]);
  });
});
