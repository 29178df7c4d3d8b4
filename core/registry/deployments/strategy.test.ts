import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { fieldErrorText } from '../../machinery/field-errors';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

/** What `kubectl create deployment x --image=nginx:1.8` sends. */
function created(): Kube<Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x', namespace: 'default', labels: { app: 'x' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'x' } },
      strategy: {},
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.8', resources: {} }] } },
    },
    status: { replicas: 5 },
  };
}

function defaulted(change: (d: Kube<Deployment>) => void = () => undefined): Kube<Deployment> {
  const d = created();
  change(d);
  strategy.defaults!(d);
  return d;
}

describe('deployment defaults', () => {
  it('match what a real API server returns for kubectl create deployment', () => {
    const d = created();
    strategy.prepareForCreate!(d);
    strategy.defaults!(d);
    expect(d.status).toEqual({});
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'x' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.8',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(strategy.validate!(d)).toEqual([]);
  });

  it('gives Recreate no rollingUpdate and keeps explicit values', () => {
    const d = defaulted((x) => {
      x.spec!.strategy = { type: 'Recreate' };
      x.spec!.replicas = 0;
      x.spec!.revisionHistoryLimit = 0;
    });
    expect(d.spec!.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec!.replicas).toBe(0);
    expect(d.spec!.revisionHistoryLimit).toBe(0);
  });
});

describe('deployment validation', () => {
  const cases: { name: string; change: (d: Kube<Deployment>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    {
      name: 'missing selector',
      change: (d) => delete (d.spec as { selector?: unknown }).selector,
      errors: ['FieldValueRequired spec.selector', 'FieldValueInvalid spec.template.metadata.labels'],
    },
    { name: 'empty selector', change: (d) => (d.spec!.selector = {}), errors: ['FieldValueInvalid spec.selector'] },
    {
      name: 'selector not matching the template',
      change: (d) => (d.spec!.selector = { matchLabels: { app: 'y' } }),
      errors: ['FieldValueInvalid spec.template.metadata.labels'],
    },
    { name: 'negative replicas', change: (d) => (d.spec!.replicas = -1), errors: ['FieldValueInvalid spec.replicas'] },
    {
      name: 'restartPolicy Never',
      change: (d) => (d.spec!.template.spec!.restartPolicy = 'Never'),
      errors: ['FieldValueNotSupported spec.template.spec.restartPolicy'],
    },
    {
      name: 'activeDeadlineSeconds',
      change: (d) => (d.spec!.template.spec!.activeDeadlineSeconds = 5),
      errors: ['FieldValueForbidden spec.template.spec.activeDeadlineSeconds'],
    },
    {
      name: 'bad percentage',
      change: (d) => (d.spec!.strategy!.rollingUpdate!.maxSurge = '25'),
      errors: ['FieldValueInvalid spec.strategy.rollingUpdate.maxSurge'],
    },
    {
      name: 'both zero',
      change: (d) => (d.spec!.strategy!.rollingUpdate = { maxSurge: 0, maxUnavailable: '0%' }),
      errors: ['FieldValueInvalid spec.strategy.rollingUpdate.maxUnavailable'],
    },
    {
      name: 'maxUnavailable over 100%',
      change: (d) => (d.spec!.strategy!.rollingUpdate!.maxUnavailable = '101%'),
      errors: ['FieldValueInvalid spec.strategy.rollingUpdate.maxUnavailable'],
    },
    {
      name: 'Recreate with rollingUpdate',
      change: (d) => (d.spec!.strategy!.type = 'Recreate'),
      errors: ['FieldValueForbidden spec.strategy.rollingUpdate'],
    },
    { name: 'unknown strategy', change: (d) => (d.spec!.strategy!.type = 'Blue'), errors: ['FieldValueNotSupported spec.strategy'] },
    { name: 'negative minReadySeconds', change: (d) => (d.spec!.minReadySeconds = -1), errors: ['FieldValueInvalid spec.minReadySeconds'] },
    {
      name: 'deadline not above minReadySeconds',
      change: (d) => (d.spec!.minReadySeconds = 600),
      errors: ['FieldValueInvalid spec.progressDeadlineSeconds'],
    },
  ];
  it.each(cases)('$name', ({ change, errors }) => {
    const d = defaulted();
    change(d);
    expect(errorKeys(strategy.validate!(d))).toEqual(errors);
  });

  it('words the selector mismatch as Kubernetes does', () => {
    const d = defaulted((x) => (x.spec!.selector = { matchLabels: { app: 'y' } }));
    expect(fieldErrorText(strategy.validate!(d)[0]!)).toBe(
      'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    );
  });

  it('keeps the selector immutable', () => {
    const old = defaulted();
    const next = defaulted((x) => {
      x.spec!.selector = { matchLabels: { app: 'x', tier: 'web' } };
      x.spec!.template.metadata!.labels = { app: 'x', tier: 'web' };
    });
    const errs = strategy.validateUpdate!(next, old);
    expect(errs.map(fieldErrorText)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"x","tier":"web"}}: field is immutable']);
    expect(strategy.validateUpdate!(defaulted((x) => (x.spec!.replicas = 3)), old)).toEqual([]);
  });

  it('checks status counters', () => {
    const d = defaulted();
    const old = defaulted();
    old.status = { collisionCount: 2 };
    d.status = { replicas: 1, readyReplicas: 2, availableReplicas: 1, collisionCount: 1 };
    expect(errorKeys(strategy.validateStatusUpdate!(d, old))).toEqual([
      'FieldValueInvalid status.readyReplicas',
      'FieldValueInvalid status.collisionCount',
    ]);
  });
});
