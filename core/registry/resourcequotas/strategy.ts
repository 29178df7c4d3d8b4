// ResourceQuota rules (quota strategy, ValidateResourceQuota*).
import type { ResourceQuota, ResourceQuotaSpec, ResourceQuotaStatus } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { defaultResourceList } from '../defaults/resource-list';
import { invalid, notSupported, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { child, index } from '../validation/field-path';
import { isQualifiedName } from '../../machinery/names';
import { validateResourceList } from '../validation/resource-list';

type QuotaObject = Kube<ResourceQuota>;

const standardQuotaResources = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu',
  'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage',
]);

const isStandardQuotaResource = (name: string): boolean =>
  standardQuotaResources.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');

function quotaResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (!errs.length && !name.includes('/') && !isStandardQuotaResource(name)) {
    errs.push(invalid(path, name, 'must be a standard resource for quota'));
  }
  return errs;
}

const scopes = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'];
const podComputeResources = ['pods', 'cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** The standard resources a scope can constrain (BestEffort pods request nothing, so only pods). */
const scopeAllows = (scope: string, resource: string): boolean =>
  scope === 'BestEffort' ? resource === 'pods' : podComputeResources.includes(resource);

function validateScopes(spec: ResourceQuotaSpec): FieldError[] {
  const errs: FieldError[] = [];
  const list = spec.scopes ?? [];
  const path = 'spec.scopes';
  const hard = Object.keys(spec.hard ?? {}).sort();
  for (const scope of list) {
    if (!scopes.includes(scope)) errs.push(invalid(path, list, 'unsupported scope'));
    for (const r of hard) {
      if (isStandardQuotaResource(r) && !scopeAllows(scope, r)) errs.push(invalid(path, list, 'unsupported scope applied to resource'));
    }
  }
  const has = (s: string): boolean => list.includes(s);
  if (has('BestEffort') && has('NotBestEffort')) errs.push(invalid(path, list, 'conflicting scopes'));
  if (has('Terminating') && has('NotTerminating')) errs.push(invalid(path, list, 'conflicting scopes'));
  (spec.scopeSelector?.matchExpressions ?? []).forEach((e, i) => {
    const p = index(child('spec.scopeSelector', 'matchExpressions'), i);
    if (!scopes.includes(e.scopeName)) errs.push(notSupported(child(p, 'scopeName'), e.scopeName, scopes));
    const operators = ['DoesNotExist', 'Exists', 'In', 'NotIn'];
    if (!operators.includes(e.operator)) errs.push(notSupported(child(p, 'operator'), e.operator, operators));
    if ((e.operator === 'In' || e.operator === 'NotIn') && !e.values?.length) {
      errs.push(required(child(p, 'values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    }
  });
  return errs;
}

const lists = (q: QuotaObject): [Record<string, unknown> | undefined, string][] => [
  [q.spec?.hard as Record<string, unknown> | undefined, 'spec.hard'],
  [q.status?.hard as Record<string, unknown> | undefined, 'status.hard'],
  [q.status?.used as Record<string, unknown> | undefined, 'status.used'],
];

export const strategy: Strategy<QuotaObject> = {
  defaults(q) {
    for (const [list] of lists(q)) defaultResourceList(list);
  },
  prepareForCreate(q) {
    (q as { status?: ResourceQuotaStatus }).status = {};
  },
  validate: (q) => [
    ...lists(q).flatMap(([list, path]) => validateResourceList(list, path, quotaResourceName)),
    ...validateScopes(q.spec ?? {}),
  ],
  validateStatusUpdate: (q) => lists(q).flatMap(([list, path]) => validateResourceList(list, path, quotaResourceName)),
};
