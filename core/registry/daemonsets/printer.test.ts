import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');

describe('daemonset printer', () => {
  const cases: { name: string; ds: Kube<DaemonSet>; expected: unknown[] }[] = [
    {
      name: 'with node selector and status',
      ds: {
        metadata: { name: 'fluentd', creationTimestamp: '2024-05-01T10:00:00Z' },
        spec: {
          selector: { matchLabels: { name: 'fluentd' } },
          template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'f', image: 'fluentd:v1' }] } },
        },
        status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 1, numberAvailable: 2, numberMisscheduled: 0 },
      },
      expected: ['fluentd', 3, 3, 2, 1, 2, 'kubernetes.io/os=linux', '120m', 'f', 'fluentd:v1', 'name=fluentd'],
    },
    {
      name: 'no status, no node selector',
      ds: {
        metadata: { name: 'agent', creationTimestamp: '2024-05-01T11:59:00Z' },
        spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'a', image: 'agent' }] } } },
      },
      expected: ['agent', 0, 0, 0, 0, 0, '<none>', '60s', 'a', 'agent', 'a=b'],
    },
  ];
  it.each(cases)('$name', ({ ds, expected }) => expect(printer.cells(ds, now)).toEqual(expected));
  it('marks CONTAINERS, IMAGES and SELECTOR as wide', () => {
    expect(printer.columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['Containers', 'Images', 'Selector']);
  });
});
