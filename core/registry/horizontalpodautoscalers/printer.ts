// kubectl get hpa: REFERENCE ("Deployment/web"), TARGETS ("cpu: 30%/80%"), MINPODS, MAXPODS,
// REPLICAS, AGE.
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricTarget, MetricValueStatus } from 'kubernetes-types/autoscaling/v2';
import type { Kube } from '../../machinery/object';
import type { Printer } from '../types';
import { ageColumn, column, nameColumn } from '../printing/columns';
import { doc } from '../printing/descriptions';
import { age } from '../../machinery/human-duration';
import { NONE } from '../printing/format';

const MAX_SHOWN = 2;
const UNKNOWN = '<unknown>';

// A Quantity pointer's String(): Go prints "<nil>" for an absent one.
const q = (v: string | number | undefined) => (v === undefined ? '<nil>' : String(v));

// "current/target", with "(avg)" for object and external metrics aimed at an average value.
function valueOrAverage(target: MetricTarget, current: MetricValueStatus | undefined, hasStatus: boolean): string {
  if (target.averageValue !== undefined) {
    const now = hasStatus && current?.averageValue !== undefined ? String(current.averageValue) : UNKNOWN;
    return `${now}/${q(target.averageValue)} (avg)`;
  }
  const now = hasStatus ? q(current?.value) : UNKNOWN;
  return `${now}/${q(target.value)}`;
}

// "name: current/target" for resource metrics: an average value, or a utilisation percentage.
function resourceTarget(name: string, target: MetricTarget, current: MetricValueStatus | undefined, hasStatus: boolean): string {
  if (target.averageValue !== undefined) {
    return `${name}: ${hasStatus ? q(current?.averageValue) : UNKNOWN}/${q(target.averageValue)}`;
  }
  const now = hasStatus && current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : UNKNOWN;
  const want = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${now}/${want}`;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueOrAverage(spec.external!.target, status?.external?.current, !!status?.external);
    case 'Pods': {
      const now = status?.pods ? q(status.pods.current.averageValue) : UNKNOWN;
      return `${now}/${q(spec.pods!.target.averageValue)}`;
    }
    case 'Object':
      return valueOrAverage(spec.object!.target, status?.object?.current, !!status?.object);
    case 'Resource':
      return resourceTarget(spec.resource!.name, spec.resource!.target, status?.resource?.current, !!status?.resource);
    case 'ContainerResource':
      return resourceTarget(
        spec.containerResource!.name,
        spec.containerResource!.target,
        status?.containerResource?.current,
        !!status?.containerResource,
      );
    default:
      return '<unknown type>';
  }
}

/** The TARGETS cell: the first two metrics, then "+ N more...". Statuses pair with specs by index. */
export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs?.length) return NONE;
  const list = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  const shown = list.slice(0, MAX_SHOWN).join(', ');
  return list.length > MAX_SHOWN ? `${shown} + ${list.length - MAX_SHOWN} more...` : shown;
}

export const printer: Printer<Kube<HorizontalPodAutoscaler>> = {
  columns: [
    nameColumn,
    column('Reference', 'string', doc.hpaRef),
    column('Targets', 'string', doc.hpaMetrics),
    column('MinPods', 'string', doc.hpaMin),
    column('MaxPods', 'string', doc.hpaMax),
    column('Replicas', 'string', doc.hpaCurrent),
    ageColumn,
  ],
  cells: (hpa, now) => [
    hpa.metadata.name ?? '',
    `${hpa.spec?.scaleTargetRef?.kind ?? ''}/${hpa.spec?.scaleTargetRef?.name ?? ''}`,
    formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
    hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    age(hpa, now),
  ],
};
