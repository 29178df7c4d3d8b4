import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../../machinery/object';
import { errorKeys } from '../../../test/support/error-keys';
import { strategy } from './strategy';

/** What `kubectl autoscale deployment web --max=5` sends (as autoscaling/v2). */
function hpa(change: (s: HorizontalPodAutoscalerSpec) => void = () => undefined): Kube<HorizontalPodAutoscaler> {
  const spec: HorizontalPodAutoscalerSpec = { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 };
  change(spec);
  const h: Kube<HorizontalPodAutoscaler> = { metadata: { name: 'web', namespace: 'default' }, spec };
  strategy.defaults!(h);
  return h;
}

describe('hpa defaults', () => {
  it('fill minReplicas and the 80% CPU metric', () => {
    const h = hpa();
    strategy.prepareForCreate!(h);
    expect(h.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    expect(h.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
  });

  it('complete a given behavior', () => {
    const h = hpa((s) => (s.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } }));
    expect(h.spec!.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
    expect(hpa((s) => (s.behavior = {})).spec!.behavior!.scaleDown).toEqual({
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  });
});

describe('hpa validation', () => {
  const m0 = 'spec.metrics[0]';
  const cases: { name: string; change: (s: HorizontalPodAutoscalerSpec) => void; errors: string[] }[] = [
    { name: 'valid', change: () => undefined, errors: [] },
    { name: 'maxReplicas below minReplicas', change: (s) => (s.minReplicas = 6), errors: ['FieldValueInvalid spec.maxReplicas'] },
    { name: 'zero maxReplicas', change: (s) => (s.maxReplicas = 0), errors: ['FieldValueInvalid spec.maxReplicas', 'FieldValueInvalid spec.maxReplicas'] },
    { name: 'zero minReplicas', change: (s) => (s.minReplicas = 0), errors: ['FieldValueInvalid spec.minReplicas', 'FieldValueForbidden spec.metrics'] },
    { name: 'no target name', change: (s) => (s.scaleTargetRef.name = ''), errors: ['FieldValueRequired spec.scaleTargetRef.name'] },
    {
      name: 'resource metric without target value',
      change: (s) => (s.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }]),
      errors: [`FieldValueRequired ${m0}.resource.target.averageUtilization`],
    },
    {
      name: 'an unknown type, named like an Object.prototype member',
      change: (s) => (s.metrics = [{ type: 'constructor' }]),
      errors: [`FieldValueNotSupported ${m0}.type`],
    },
    {
      name: 'type without its source',
      change: (s) => (s.metrics = [{ type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]),
      errors: [`FieldValueRequired ${m0}.pods`],
    },
    {
      name: 'two sources',
      change: (s) =>
        (s.metrics = [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
            pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } },
          },
        ]),
      errors: [`FieldValueForbidden ${m0}.pods`],
    },
    { name: 'unknown metric type', change: (s) => (s.metrics = [{ type: 'Magic' }]), errors: [`FieldValueNotSupported ${m0}.type`] },
    {
      name: 'bad scaling policy',
      change: (s) => (s.behavior = { scaleUp: { policies: [{ type: 'Nodes', value: 0, periodSeconds: 2000 }] } }),
      errors: [
        'FieldValueNotSupported spec.behavior.scaleUp.policies[0].type',
        'FieldValueInvalid spec.behavior.scaleUp.policies[0].value',
        'FieldValueInvalid spec.behavior.scaleUp.policies[0].periodSeconds',
      ],
    },
  ];
  it.each(cases)('$name', ({ change, errors }) => {
    expect(errorKeys(strategy.validate!(hpa(change)))).toEqual(errors);
  });
});
