import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Kube } from '../../machinery/object';
import { printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');
const job = (spec: Partial<Job['spec']>, status: Job['status'], deletion?: string): Kube<Job> => ({
  metadata: { name: 'j', creationTimestamp: '2024-05-01T11:50:00Z', deletionTimestamp: deletion },
  spec: {
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } },
    template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } },
    ...spec,
  },
  status,
});
const cond = (type: string, status = 'True') => ({ type, status });

describe('job printer', () => {
  const cases: { name: string; job: Kube<Job>; expected: unknown[] }[] = [
    {
      name: 'running',
      job: job({ completions: 3, parallelism: 1 }, { succeeded: 1, startTime: '2024-05-01T11:58:00Z' }),
      expected: ['Running', '1/3', '2m'],
    },
    {
      name: 'complete',
      job: job(
        { completions: 1 },
        { succeeded: 1, startTime: '2024-05-01T11:50:00Z', completionTime: '2024-05-01T11:50:42Z', conditions: [cond('Complete')] },
      ),
      expected: ['Complete', '1/1', '42s'],
    },
    { name: 'not started', job: job({}, {}), expected: ['Running', '0/1', ''] },
    { name: 'work queue', job: job({ parallelism: 4 }, { succeeded: 2 }), expected: ['Running', '2/1 of 4', ''] },
    { name: 'failed', job: job({ completions: 1 }, { conditions: [cond('FailureTarget'), cond('Failed')] }), expected: ['Failed', '0/1', ''] },
    { name: 'suspended', job: job({ completions: 1 }, { conditions: [cond('Suspended')] }), expected: ['Suspended', '0/1', ''] },
    { name: 'failure target', job: job({ completions: 1 }, { conditions: [cond('FailureTarget')] }), expected: ['FailureTarget', '0/1', ''] },
    { name: 'false condition ignored', job: job({ completions: 1 }, { conditions: [cond('Suspended', 'False')] }), expected: ['Running', '0/1', ''] },
    {
      name: 'terminating',
      job: job({ completions: 1 }, { conditions: [cond('Suspended')] }, '2024-05-01T11:59:00Z'),
      expected: ['Terminating', '0/1', ''],
    },
  ];
  it.each(cases)('$name', ({ job: j, expected }) => {
    expect(printer.cells(j, now)).toEqual(['j', ...expected, '10m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u1']);
  });
});
