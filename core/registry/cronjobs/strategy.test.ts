import type { CronJob } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

function defaulted(change: (c: Kube<CronJob>) => void = () => undefined): Kube<CronJob> {
  const c: Kube<CronJob> = {
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
    },
  };
  change(c);
  strategy.defaults!(c);
  return c;
}

describe('cronjob', () => {
  it('defaults policy, suspension and history limits, but not the job template counts', () => {
    const spec = defaulted().spec!;
    expect(spec.concurrencyPolicy).toBe('Allow');
    expect(spec.suspend).toBe(false);
    expect(spec.successfulJobsHistoryLimit).toBe(3);
    expect(spec.failedJobsHistoryLimit).toBe(1);
    expect(spec.jobTemplate.spec!.backoffLimit).toBeUndefined();
    expect(spec.jobTemplate.spec!.template.spec!.dnsPolicy).toBe('ClusterFirst');
  });

  const cases: { name: string; change: (c: Kube<CronJob>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'bad schedule', change: (c) => (c.spec!.schedule = '* * *'), errors: ['FieldValueInvalid spec.schedule'] },
    { name: 'missing schedule', change: (c) => (c.spec!.schedule = ''), errors: ['FieldValueRequired spec.schedule'] },
    { name: 'TZ in schedule', change: (c) => (c.spec!.schedule = 'TZ=UTC 0 * * * *'), errors: ['FieldValueInvalid spec.schedule'] },
    { name: 'unknown time zone', change: (c) => (c.spec!.timeZone = 'Mars/Olympus'), errors: ['FieldValueInvalid spec.timeZone'] },
    { name: 'known time zone', change: (c) => (c.spec!.timeZone = 'Europe/Paris'), errors: [] },
    { name: 'bad concurrency policy', change: (c) => (c.spec!.concurrencyPolicy = 'Sometimes'), errors: ['FieldValueNotSupported spec.concurrencyPolicy'] },
    {
      name: 'selector in the job template',
      change: (c) => (c.spec!.jobTemplate.spec!.selector = { matchLabels: { a: 'b' } }),
      errors: ['FieldValueInvalid spec.jobTemplate.spec.selector'],
    },
    {
      name: 'restartPolicy Always in the job template',
      change: (c) => (c.spec!.jobTemplate.spec!.template.spec!.restartPolicy = 'Always'),
      errors: ['FieldValueRequired spec.jobTemplate.spec.template.spec.restartPolicy'],
    },
    { name: 'name over 52 characters', change: (c) => (c.metadata.name = 'a'.repeat(53)), errors: ['FieldValueInvalid metadata.name'] },
    { name: 'negative history limit', change: (c) => (c.spec!.failedJobsHistoryLimit = -1), errors: ['FieldValueInvalid spec.failedJobsHistoryLimit'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    const c = defaulted();
    change(c);
    expect(errorKeys(strategy.validate!(c))).toEqual(errors);
  });
});
