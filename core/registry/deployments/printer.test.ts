import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');

describe('deployment printer', () => {
  it('has the real columns', () => {
    expect(printer.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0',
      'Ready:string:0',
      'Up-to-date:string:0',
      'Available:string:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ]);
  });

  const cases: { name: string; d: Kube<Deployment>; expected: unknown[] }[] = [
    {
      name: 'rolling out',
      d: {
        metadata: { name: 'web', creationTimestamp: '2024-05-01T09:00:00Z' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } },
        },
        status: { readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 },
      },
      expected: ['web', '2/3', 1, 2, '3h', 'nginx,log', 'nginx:1.25,busybox', 'app=web'],
    },
    {
      name: 'new, no status',
      d: {
        metadata: { name: 'new', creationTimestamp: '2024-05-01T11:59:58Z' },
        spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
      },
      expected: ['new', '0/1', 0, 0, '2s', 'c', 'i', 'a=b'],
    },
    {
      name: 'scaled to zero with an expression selector',
      d: {
        metadata: { name: 'z', creationTimestamp: '2024-04-20T12:00:00Z' },
        spec: {
          replicas: 0,
          selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] },
          template: { spec: { containers: [] } },
        },
      },
      expected: ['z', '0/0', 0, 0, '11d', '', '', 'tier notin (db)'],
    },
  ];
  it.each(cases)('$name', ({ d, expected }) => {
    expect(printer.cells(d, now)).toEqual(expected);
  });
});
