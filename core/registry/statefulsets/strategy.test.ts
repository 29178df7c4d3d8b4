import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { nameRule, strategy } from './strategy';

function defaulted(change: (s: Kube<StatefulSet>) => void = () => undefined): Kube<StatefulSet> {
  const s: Kube<StatefulSet> = {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
  change(s);
  strategy.defaults!(s);
  return s;
}

describe('statefulset defaults', () => {
  it('fill the policy, strategy, retention and claim template fields', () => {
    const spec = defaulted().spec!;
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(spec.replicas).toBe(1);
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.volumeClaimTemplates![0]!.spec!.volumeMode).toBe('Filesystem');
    expect(spec.volumeClaimTemplates![0]!.status).toEqual({ phase: 'Pending' });
    expect(spec.template.spec!.restartPolicy).toBe('Always');
  });

  it('leave OnDelete without rollingUpdate', () => {
    expect(defaulted((s) => (s.spec!.updateStrategy = { type: 'OnDelete' })).spec!.updateStrategy).toEqual({ type: 'OnDelete' });
  });
});

describe('statefulset validation', () => {
  const cases: { name: string; change: (s: Kube<StatefulSet>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'bad pod management policy', change: (s) => (s.spec!.podManagementPolicy = 'Random'), errors: ['FieldValueInvalid spec.podManagementPolicy'] },
    {
      name: 'OnDelete with rollingUpdate',
      change: (s) => (s.spec!.updateStrategy!.type = 'OnDelete'),
      errors: ['FieldValueInvalid spec.updateStrategy.rollingUpdate'],
    },
    {
      name: 'negative partition',
      change: (s) => (s.spec!.updateStrategy!.rollingUpdate!.partition = -1),
      errors: ['FieldValueInvalid spec.updateStrategy.rollingUpdate.partition'],
    },
    {
      name: 'bad retention policy',
      change: (s) => (s.spec!.persistentVolumeClaimRetentionPolicy!.whenScaled = 'Keep'),
      errors: ['FieldValueNotSupported spec.persistentVolumeClaimRetentionPolicy.whenScaled'],
    },
    { name: 'empty selector', change: (s) => (s.spec!.selector = {}), errors: ['FieldValueInvalid spec.selector'] },
    {
      name: 'mismatched selector',
      change: (s) => (s.spec!.selector = { matchLabels: { app: 'db' } }),
      errors: ['FieldValueInvalid spec.template.metadata.labels'],
    },
    {
      name: 'restartPolicy OnFailure',
      change: (s) => (s.spec!.template.spec!.restartPolicy = 'OnFailure'),
      errors: ['FieldValueNotSupported spec.template.spec.restartPolicy'],
    },
    { name: 'negative ordinal start', change: (s) => (s.spec!.ordinals = { start: -1 }), errors: ['FieldValueInvalid spec.ordinals.start'] },
  ];
  it.each(cases)('$name', ({ change, errors }) => {
    const s = defaulted();
    change(s);
    expect(errorKeys(strategy.validate!(s))).toEqual(errors);
  });

  it('names must be DNS labels', () => {
    expect(nameRule('web')).toEqual([]);
    expect(nameRule('web.example')).not.toEqual([]);
  });
});

describe('statefulset updates', () => {
  const cases: { name: string; change: (s: Kube<StatefulSet>) => void; forbidden: boolean }[] = [
    { name: 'replicas', change: (s) => (s.spec!.replicas = 3), forbidden: false },
    { name: 'template', change: (s) => (s.spec!.template.spec!.containers[0]!.image = 'nginx:2'), forbidden: false },
    { name: 'updateStrategy', change: (s) => (s.spec!.updateStrategy = { type: 'OnDelete' }), forbidden: false },
    { name: 'minReadySeconds', change: (s) => (s.spec!.minReadySeconds = 5), forbidden: false },
    { name: 'ordinals', change: (s) => (s.spec!.ordinals = { start: 2 }), forbidden: false },
    { name: 'retention policy', change: (s) => (s.spec!.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete' }), forbidden: false },
    { name: 'serviceName', change: (s) => (s.spec!.serviceName = 'other'), forbidden: true },
    { name: 'volumeClaimTemplates', change: (s) => (s.spec!.volumeClaimTemplates = []), forbidden: true },
    { name: 'podManagementPolicy', change: (s) => (s.spec!.podManagementPolicy = 'Parallel'), forbidden: true },
  ];
  it.each(cases)('$name', ({ change, forbidden }) => {
    const old = defaulted();
    const next = defaulted(change);
    const errs = strategy.validateUpdate!(next, old);
    if (!forbidden) return expect(errs).toEqual([]);
    expect(errs).toEqual([
      {
        type: 'FieldValueForbidden',
        field: 'spec',
        detail:
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      },
    ]);
  });
});
