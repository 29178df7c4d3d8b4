import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const sts = (replicas: number | undefined, ready: number | undefined): Kube<StatefulSet> => ({
  metadata: { name: 'db', creationTimestamp: '2024-05-01T11:30:00Z' },
  spec: {
    replicas,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } },
  },
  status: ready === undefined ? undefined : { replicas: replicas ?? 1, readyReplicas: ready },
});

describe('statefulset printer', () => {
  it('has the real columns', () => {
    expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Age:0', 'Containers:1', 'Images:1']);
  });
  const cases: { name: string; sts: Kube<StatefulSet>; expected: unknown[] }[] = [
    { name: 'partly ready', sts: sts(3, 1), expected: ['db', '1/3', '30m', 'pg', 'postgres:16'] },
    { name: 'no status yet, default replicas', sts: sts(undefined, undefined), expected: ['db', '0/1', '30m', 'pg', 'postgres:16'] },
  ];
  it.each(cases)('$name', ({ sts: s, expected }) => expect(printer.cells(s, now)).toEqual(expected));
});
