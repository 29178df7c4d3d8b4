import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Kube } from '../../machinery/object';
import { formatHPAMetrics, printer } from './printer';

const now = new Date('2024-05-01T12:00:00Z');

const cpu = (target: MetricSpec['resource']): MetricSpec => ({ type: 'Resource', resource: target });

describe('formatHPAMetrics', () => {
  const cases: { name: string; specs: MetricSpec[] | undefined; statuses?: MetricStatus[]; expected: string }[] = [
    { name: 'none', specs: undefined, expected: '<none>' },
    {
      name: 'cpu utilisation, no status yet',
      specs: [cpu({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } })],
      expected: 'cpu: <unknown>/80%',
    },
    {
      name: 'cpu utilisation with status',
      specs: [cpu({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } })],
      statuses: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 30, averageValue: '30m' } } }],
      expected: 'cpu: 30%/80%',
    },
    {
      name: 'memory average value',
      specs: [cpu({ name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } })],
      statuses: [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '50Mi' } } }],
      expected: 'memory: 50Mi/100Mi',
    },
    {
      name: 'pods, object and external',
      specs: [
        { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        {
          type: 'Object',
          object: { metric: { name: 'hits' }, describedObject: { kind: 'Service', name: 's' }, target: { type: 'Value', value: '5' } },
        },
        { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } },
      ],
      statuses: [{ type: 'Pods', pods: { metric: { name: 'qps' }, current: { averageValue: '4' } } }],
      expected: '4/10, <unknown>/5 + 1 more...',
    },
    {
      name: 'external average value with status',
      specs: [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } }],
      statuses: [{ type: 'External', external: { metric: { name: 'queue' }, current: { averageValue: '12' } } }],
      expected: '12/30 (avg)',
    },
  ];
  it.each(cases)('$name', ({ specs, statuses, expected }) => expect(formatHPAMetrics(specs, statuses)).toBe(expected));
});

describe('hpa printer', () => {
  it('prints reference, bounds and replicas', () => {
    const hpa: Kube<HorizontalPodAutoscaler> = {
      metadata: { name: 'web', creationTimestamp: '2024-05-01T11:58:00Z' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [cpu({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } })],
      },
      status: { currentReplicas: 3, desiredReplicas: 3 },
    };
    expect(printer.cells(hpa, now)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/50%', '2', 10, 3, '2m']);
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  });
});
