import type { Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

const uid = '2b9c6f0e-4f2e-4c1b-9a53-0d6f2f1b7a10';

/** What `kubectl create job pi --image=perl` sends, after the store assigned the UID. */
function sent(): Kube<Job> {
  return {
    metadata: { name: 'pi', namespace: 'default', uid },
    spec: { template: { metadata: {}, spec: { containers: [{ name: 'pi', image: 'perl', resources: {} }], restartPolicy: 'Never' } } },
  };
}

/** prepareForCreate then defaults, in the store's order. */
function created(change: (j: Kube<Job>) => void = () => undefined): Kube<Job> {
  const j = sent();
  change(j);
  strategy.prepareForCreate!(j);
  strategy.defaults!(j);
  return j;
}

const generatedLabels = {
  'batch.kubernetes.io/controller-uid': uid,
  'batch.kubernetes.io/job-name': 'pi',
  'controller-uid': uid,
  'job-name': 'pi',
};

describe('job create', () => {
  it('generates the selector and labels and fills the defaults', () => {
    const j = created();
    expect(j.status).toEqual({});
    expect(j.metadata.labels).toEqual(generatedLabels);
    const { template, ...rest } = j.spec!;
    expect(rest).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      suspend: false,
    });
    expect(template.metadata!.labels).toEqual(generatedLabels);
    expect(strategy.validate!(j)).toEqual([]);
  });

  it.each([
    { name: 'parallelism only', spec: { parallelism: 3 }, completions: undefined, parallelism: 3 },
    { name: 'completions only', spec: { completions: 4 }, completions: 4, parallelism: 1 },
  ])('defaults counts: $name', ({ spec, completions, parallelism }) => {
    const j = created((x) => Object.assign(x.spec!, spec));
    expect(j.spec!.completions).toBe(completions);
    expect(j.spec!.parallelism).toBe(parallelism);
  });

  it('leaves a manual selector alone', () => {
    const j = created((x) => {
      x.spec!.manualSelector = true;
      x.spec!.selector = { matchLabels: { app: 'pi' } };
      x.spec!.template.metadata!.labels = { app: 'pi' };
    });
    expect(j.spec!.selector).toEqual({ matchLabels: { app: 'pi' } });
    expect(strategy.validate!(j)).toEqual([]);
  });
});

describe('job validation', () => {
  const cases: { name: string; change: (j: Kube<Job>) => void; errors: string[] }[] = [
    {
      name: 'restartPolicy Always',
      change: (j) => (j.spec!.template.spec!.restartPolicy = 'Always'),
      errors: ['FieldValueRequired spec.template.spec.restartPolicy'],
    },
    { name: 'negative backoffLimit', change: (j) => (j.spec!.backoffLimit = -1), errors: ['FieldValueInvalid spec.backoffLimit'] },
    {
      name: 'negative activeDeadlineSeconds',
      change: (j) => (j.spec!.activeDeadlineSeconds = -5),
      errors: ['FieldValueInvalid spec.activeDeadlineSeconds'],
    },
    {
      name: 'negative ttlSecondsAfterFinished',
      change: (j) => (j.spec!.ttlSecondsAfterFinished = -1),
      errors: ['FieldValueInvalid spec.ttlSecondsAfterFinished'],
    },
    {
      name: 'Indexed without completions',
      change: (j) => {
        j.spec!.completionMode = 'Indexed';
        delete j.spec!.completions;
      },
      errors: ['FieldValueRequired spec.completions'],
    },
    { name: 'unknown completion mode', change: (j) => (j.spec!.completionMode = 'Sometimes'), errors: ['FieldValueNotSupported spec.completionMode'] },
    {
      name: 'tampered generated label',
      change: (j) => (j.spec!.template.metadata!.labels!['job-name'] = 'other'),
      errors: ['FieldValueInvalid spec.template.metadata.labels[job-name]'],
    },
    {
      name: 'backoffLimitPerIndex on a NonIndexed job',
      change: (j) => (j.spec!.backoffLimitPerIndex = 1),
      errors: ['FieldValueInvalid spec.backoffLimitPerIndex'],
    },
  ];
  it.each(cases)('$name', ({ change, errors }) => {
    const j = created();
    change(j);
    expect(errorKeys(strategy.validate!(j))).toEqual(errors);
  });
});

describe('job updates', () => {
  const cases: { name: string; suspended?: boolean; change: (j: Kube<Job>) => void; errors: string[] }[] = [
    { name: 'parallelism may change', change: (j) => (j.spec!.parallelism = 5), errors: [] },
    { name: 'completions are fixed', change: (j) => (j.spec!.completions = 5), errors: ['FieldValueInvalid spec.completions'] },
    { name: 'template is fixed', change: (j) => (j.spec!.template.spec!.containers[0]!.image = 'perl:2'), errors: ['FieldValueInvalid spec.template'] },
    { name: 'selector is fixed', change: (j) => (j.spec!.selector = { matchLabels: { a: 'b' } }), errors: ['FieldValueInvalid spec.selector'] },
    {
      name: 'a suspended job may change its node selector',
      suspended: true,
      change: (j) => (j.spec!.template.spec!.nodeSelector = { disk: 'ssd' }),
      errors: [],
    },
    {
      name: 'a suspended job still keeps its containers',
      suspended: true,
      change: (j) => (j.spec!.template.spec!.containers[0]!.image = 'perl:2'),
      errors: ['FieldValueInvalid spec.template'],
    },
  ];
  it.each(cases)('$name', ({ suspended, change, errors }) => {
    const old = created((x) => (x.spec!.suspend = suspended));
    const next = structuredClone(old);
    change(next);
    expect(errorKeys(strategy.validateUpdate!(next, old))).toEqual(errors);
  });
});
