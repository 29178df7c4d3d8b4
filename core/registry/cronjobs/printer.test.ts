import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const cj = (spec: Partial<CronJob['spec']>, status?: CronJob['status']): Kube<CronJob> => ({
  metadata: { name: 'hello', creationTimestamp: '2024-04-30T12:00:00Z' },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } }, ...spec },
  status,
});

describe('cronjob printer', () => {
  it('has the real columns', () => {
    expect(printer.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0',
      'Schedule:string:0',
      'Timezone:string:0',
      'Suspend:boolean:0',
      'Active:integer:0',
      'Last Schedule:string:0',
      'Age:string:0',
      'Containers:string:1',
      'Images:string:1',
      'Selector:string:1',
    ]);
  });
  const cases: { name: string; cj: Kube<CronJob>; expected: unknown[] }[] = [
    { name: 'never scheduled', cj: cj({}), expected: ['hello', '*/1 * * * *', '<none>', '<unset>', 0, '<none>', '24h', 'c', 'busybox', '<none>'] },
    {
      name: 'active and suspended, with a time zone',
      cj: cj(
        { suspend: true, timeZone: 'Europe/Paris' },
        { active: [{ name: 'hello-1' }], lastScheduleTime: '2024-05-01T11:59:00Z' },
      ),
      expected: ['hello', '*/1 * * * *', 'Europe/Paris', 'True', 1, '60s', '24h', 'c', 'busybox', '<none>'],
    },
    { name: 'not suspended', cj: cj({ suspend: false }), expected: ['hello', '*/1 * * * *', '<none>', 'False', 0, '<none>', '24h', 'c', 'busybox', '<none>'] },
  ];
  it.each(cases)('$name', ({ cj: c, expected }) => {
    expect(printer.cells(c, now)).toEqual(expected);
  });
});
