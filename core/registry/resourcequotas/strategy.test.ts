import { describe, expect, it } from 'vitest';
import type { ResourceQuota, ResourceQuotaSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type QuotaObject = Kube<ResourceQuota>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function quota(spec: ResourceQuotaSpec): QuotaObject {
  const q = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec } as QuotaObject;
  strategy.prepareForCreate!(q);
  strategy.defaults!(q);
  return q;
}

describe('resource quota strategy', () => {
  it('canonicalises quantities and clears status', () => {
    const q = quota({ hard: { 'requests.memory': '1024Mi', pods: '10' } });
    expect(q.spec?.hard).toEqual({ 'requests.memory': '1Gi', pods: '10' });
    expect(q.status).toEqual({});
  });

  it.each<[string, ResourceQuotaSpec, string[]]>([
    ['valid', { hard: { pods: '10', 'requests.cpu': '4', 'count/deployments.apps': '5', 'requests.nvidia.com/gpu': '1' } }, []],
    ['unknown resource', { hard: { widgets: '1' } }, ['FieldValueInvalid spec.hard[widgets]']],
    ['negative', { hard: { pods: '-1' } }, ['FieldValueInvalid spec.hard[pods]']],
    ['fractional count', { hard: { pods: '1500m' } }, ['FieldValueInvalid spec.hard[pods]']],
    ['bad quantity', { hard: { cpu: 'lots' } }, ['FieldValueInvalid spec.hard[cpu]']],
    ['unsupported scope', { scopes: ['Everything'] }, ['FieldValueInvalid spec.scopes']],
    ['scope not valid for resource', { hard: { secrets: '1' }, scopes: ['BestEffort'] }, ['FieldValueInvalid spec.scopes']],
    ['conflicting scopes', { hard: { pods: '1' }, scopes: ['Terminating', 'NotTerminating'] }, ['FieldValueInvalid spec.scopes']],
  ])('%s', (_n, spec, expected) => {
    expect(brief(strategy.validate!(quota(spec)))).toEqual(expected);
  });
});
