// autoscaling/v2 metric specs: exactly the source their type names, each with a usable target.
import { ownValue } from '../../machinery/json-value';
import type { CrossVersionObjectReference, MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import { child, index } from '../validation/field-path';
import { validateLabelSelector } from '../validation/label-selector';
import { isDNS1123Label } from '../../machinery/names';
import { parseQuantity } from '../../machinery/quantity';
import { validateResourceName } from '../validation/resources';
import { isValidPathSegmentName } from '../rules/path-segment';

const sourceTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
// In Kubernetes' order of precedence.
const sourceField: Record<string, keyof MetricSpec> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
};

export function validateObjectReference(ref: CrossVersionObjectReference | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name'] as const) {
    const v = ref?.[f] ?? '';
    if (!v) errs.push(required(child(path, f)));
    else errs.push(...isValidPathSegmentName(v).map((msg) => invalid(child(path, f), v, msg)));
  }
  return errs;
}

function positive(q: string | number | undefined): boolean {
  const parsed = q === undefined ? undefined : parseQuantity(q);
  return parsed !== undefined && parsed.unscaled > 0n;
}

function validateTarget(t: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (!type) errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) {
    errs.push(invalid(child(path, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  }
  if (t?.value !== undefined && !positive(t.value)) errs.push(invalid(child(path, 'value'), t.value, 'must be positive'));
  if (t?.averageValue !== undefined && !positive(t.averageValue)) {
    errs.push(invalid(child(path, 'averageValue'), t.averageValue, 'must be positive'));
  }
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) {
    errs.push(invalid(child(path, 'averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

function validateIdentifier(metric: { name?: string; selector?: object } | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!metric?.name) errs.push(required(child(path, 'name'), 'must specify a metric name'));
  if (metric?.selector) errs.push(...validateLabelSelector(metric.selector, child(path, 'selector')));
  return errs;
}

/** Resource and ContainerResource sources: a container resource with a utilization or average value. */
function validateResourceTarget(src: { name: string; target: MetricTarget }, path: string): FieldError[] {
  const errs = src.name
    ? validateResourceName(src.name, child(path, 'name'))
    : [required(child(path, 'name'), 'must specify a resource name')];
  errs.push(...validateTarget(src.target, child(path, 'target')));
  const t = src.target;
  if (t?.averageUtilization === undefined && t?.averageValue === undefined) {
    errs.push(required(child(path, 'target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  }
  if (t?.averageUtilization !== undefined && t.averageValue !== undefined) {
    errs.push(forbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  }
  return errs;
}

function validateSource(m: MetricSpec, path: string): FieldError[] {
  if (m.object) {
    const p = child(path, 'object');
    const errs = [
      ...validateObjectReference(m.object.describedObject, child(p, 'describedObject')),
      ...validateIdentifier(m.object.metric, child(p, 'metric')),
      ...validateTarget(m.object.target, child(p, 'target')),
    ];
    if (m.object.target?.value === undefined && m.object.target?.averageValue === undefined) {
      errs.push(required(child(p, 'target', 'averageValue'), 'must set either a target value or averageValue'));
    }
    return errs;
  }
  if (m.pods) {
    const p = child(path, 'pods');
    const errs = [...validateIdentifier(m.pods.metric, child(p, 'metric')), ...validateTarget(m.pods.target, child(p, 'target'))];
    if (m.pods.target?.averageValue === undefined) {
      errs.push(required(child(p, 'target', 'averageValue'), 'must specify a positive target averageValue'));
    }
    return errs;
  }
  if (m.resource) return validateResourceTarget(m.resource, child(path, 'resource'));
  if (m.external) {
    const p = child(path, 'external');
    const t = m.external.target;
    const errs = [...validateIdentifier(m.external.metric, child(p, 'metric')), ...validateTarget(t, child(p, 'target'))];
    if (t?.value === undefined && t?.averageValue === undefined) {
      errs.push(required(child(p, 'target', 'averageValue'), 'must set either a target value for metric or a per-pod target'));
    }
    if (t?.value !== undefined && t.averageValue !== undefined) {
      errs.push(forbidden(child(p, 'target', 'value'), 'may not set both a target value for metric and a per-pod target'));
    }
    return errs;
  }
  if (m.containerResource) {
    const p = child(path, 'containerResource');
    const container = m.containerResource.container ?? '';
    const errs = container
      ? isDNS1123Label(container).map((msg) => invalid(child(p, 'container'), container, msg))
      : [required(child(p, 'container'), 'must specify a container')];
    return [...errs, ...validateResourceTarget(m.containerResource, p)];
  }
  return [];
}

function validateMetric(m: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = m.type ?? '';
  if (!type) errs.push(required(child(path, 'type'), 'must specify a metric source type'));
  else if (!sourceTypes.includes(type)) errs.push(notSupported(child(path, 'type'), type, sourceTypes));
  const present = Object.values(sourceField).filter((f) => m[f] !== undefined);
  // Only the first source given is checked in depth; extra ones are refused.
  if (present.length) errs.push(...validateSource(m, path));
  const expected = ownValue(sourceField, type);
  if (expected && m[expected] === undefined) errs.push(required(child(path, expected), 'must populate information for the given metric source'));
  if (present.length > 1) {
    for (const f of present) if (f !== expected) errs.push(forbidden(child(path, f), 'must populate the given metric source only'));
  }
  return errs;
}

export function validateMetrics(metrics: MetricSpec[] | undefined, minReplicas: number | undefined, path: string): FieldError[] {
  const list = metrics ?? [];
  const errs = list.flatMap((m, i) => validateMetric(m, index(path, i)));
  if (minReplicas === 0 && !list.some((m) => m.type === 'Object' || m.type === 'External')) {
    errs.push(forbidden(path, 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  return errs;
}
