import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy, templateGenerationAnnotation } from './strategy';

function defaulted(change: (d: Kube<DaemonSet>) => void = () => undefined): Kube<DaemonSet> {
  const d: Kube<DaemonSet> = {
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
    },
  };
  change(d);
  strategy.defaults!(d);
  return d;
}

describe('daemonset', () => {
  it('defaults the rolling update and history limit', () => {
    const spec = defaulted().spec!;
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(spec.revisionHistoryLimit).toBe(10);
  });

  const cases: { name: string; change: (d: Kube<DaemonSet>) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'no selector', change: (d) => delete (d.spec as { selector?: unknown }).selector, errors: ['FieldValueRequired spec.selector', 'FieldValueInvalid spec.template.metadata.labels'] },
    {
      name: 'surge and unavailable both set',
      change: (d) => (d.spec!.updateStrategy!.rollingUpdate!.maxSurge = 1),
      errors: ['FieldValueInvalid spec.updateStrategy.rollingUpdate.maxSurge'],
    },
    {
      name: 'both zero',
      change: (d) => (d.spec!.updateStrategy!.rollingUpdate!.maxUnavailable = 0),
      errors: ['FieldValueRequired spec.updateStrategy.rollingUpdate.maxUnavailable'],
    },
    { name: 'unknown strategy', change: (d) => (d.spec!.updateStrategy = { type: 'Fast' }), errors: ['FieldValueNotSupported spec.updateStrategy'] },
  ];
  it.each(cases)('validates: $name', ({ change, errors }) => {
    const d = defaulted();
    change(d);
    expect(errorKeys(strategy.validate!(d))).toEqual(errors);
  });

  it('counts template generations in the deprecated annotation', () => {
    const d = defaulted();
    strategy.prepareForCreate!(d);
    expect(d.metadata.annotations).toEqual({ [templateGenerationAnnotation]: '1' });
    expect(d.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });

    const relabelled = defaulted((x) => (x.metadata.annotations = { [templateGenerationAnnotation]: '7', note: 'x' }));
    strategy.prepareForUpdate!(relabelled, d);
    expect(relabelled.metadata.annotations).toEqual({ [templateGenerationAnnotation]: '1', note: 'x' });

    const newImage = defaulted((x) => (x.spec!.template.spec!.containers[0]!.image = 'busybox:2'));
    strategy.prepareForUpdate!(newImage, d);
    expect(newImage.metadata.annotations).toEqual({ [templateGenerationAnnotation]: '2' });
  });

  it('keeps the selector immutable', () => {
    const next = defaulted((x) => (x.spec!.selector = { matchLabels: { app: 'agent', v: '2' } }));
    expect(errorKeys(strategy.validateUpdate!(next, defaulted()))).toEqual(['FieldValueInvalid spec.selector']);
  });
});
