// autoscaling/v2 HorizontalPodAutoscaler: SetDefaults_HorizontalPodAutoscaler and
// ValidateHorizontalPodAutoscaler(Update/StatusUpdate).
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import type { Kube } from '../../machinery/object';
import { invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { resetStatus } from '../rules/fresh-status';
import { validateNonnegativeCounts } from '../rules/status-counts';
import { defaultBehavior, validateBehavior } from './behavior';
import { validateMetrics, validateObjectReference } from './metrics';

type Obj = Kube<HorizontalPodAutoscaler>;

/** Without metrics an HPA targets 80% average CPU utilization. */
const defaultCPUUtilization = 80;

function validate(hpa: Obj): FieldError[] {
  const spec = hpa.spec ?? ({} as HorizontalPodAutoscalerSpec);
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min !== undefined && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  // Kubernetes reports only the first group of problems among target, metrics and behavior.
  const steps = [
    () => validateObjectReference(spec.scaleTargetRef, 'spec.scaleTargetRef'),
    () => validateMetrics(spec.metrics, min, 'spec.metrics'),
    () => validateBehavior(spec.behavior, 'spec.behavior'),
  ];
  for (const step of steps) {
    const found = step();
    if (found.length) return [...errs, ...found];
  }
  return errs;
}

export const strategy: Strategy<Obj> = {
  defaults(hpa) {
    const spec = (hpa.spec ??= {} as HorizontalPodAutoscalerSpec);
    spec.minReplicas ??= 1;
    if (!spec.metrics?.length) {
      spec.metrics = [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: defaultCPUUtilization } } },
      ];
    }
    if (spec.behavior) defaultBehavior(spec.behavior);
  },
  prepareForCreate(hpa) {
    resetStatus(hpa, { currentMetrics: null, desiredReplicas: 0 });
  },
  validate,
  validateStatusUpdate: (hpa) =>
    validateNonnegativeCounts(hpa.status as Record<string, unknown> | undefined, ['currentReplicas', 'desiredReplicas'], 'status'),
};
