import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../machinery/object';
import type { AdmissionRequest, Operation } from '../../registry/generic/resource-store';
import type { ResourceDef } from '../../registry/types';
import { ApiError } from '../../machinery/status';
import { priorityAdmission } from './priority';

const classes: PriorityClass[] = [
  { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'PreemptLowerPriority' },
  { metadata: { name: 'batch' }, value: 10, preemptionPolicy: 'Never' },
  { metadata: { name: 'normal' }, value: 100, globalDefault: true },
];
const lookup = (list: PriorityClass[]) => ({ get: (n: string) => list.find((c) => c.metadata?.name === n), list: () => list });
const podsDef = { group: '', plural: 'pods', kind: 'Pod' } as ResourceDef;
const pcDef = { group: 'scheduling.k8s.io', plural: 'priorityclasses', kind: 'PriorityClass' } as ResourceDef;

function request(def: ResourceDef, object: object, operation: Operation = 'CREATE', old?: object): AdmissionRequest {
  return { operation, def, namespace: 'default', name: 'p', object: object as KubeObject, old: old as KubeObject, options: { user: { username: 'u', groups: [] } }, onFinish: [] };
}
const pod = (spec: Partial<Pod['spec']> = {}): Pod => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], ...spec } });

describe('priority admission', () => {
  it.each([
    { name: 'named class', spec: { priorityClassName: 'high' }, want: { priority: 1000, preemptionPolicy: 'PreemptLowerPriority', priorityClassName: 'high' } },
    { name: 'class with Never', spec: { priorityClassName: 'batch' }, want: { priority: 10, preemptionPolicy: 'Never' } },
    { name: 'global default', spec: {}, want: { priority: 100, priorityClassName: 'normal', preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'matching priority given', spec: { priorityClassName: 'high', priority: 1000 }, want: { priority: 1000 } },
  ])('resolves $name', ({ spec, want }) => {
    const p = pod(spec);
    priorityAdmission(lookup(classes)).mutate!(request(podsDef, p));
    expect(p.spec).toMatchObject(want);
  });

  it('gives 0 when there is no default class', () => {
    const p = pod();
    priorityAdmission(lookup(classes.slice(0, 2))).mutate!(request(podsDef, p));
    expect(p.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(p.spec?.priorityClassName).toBeUndefined();
  });

  it.each([
    { name: 'unknown class', spec: { priorityClassName: 'nope' }, message: 'pods "p" is forbidden: no PriorityClass with name nope was found' },
    {
      name: 'conflicting priority',
      spec: { priorityClassName: 'high', priority: 5 },
      message:
        'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    },
    {
      name: 'conflicting preemption policy',
      spec: { priorityClassName: 'high', preemptionPolicy: 'Never' },
      message:
        'pods "p" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    },
  ])('forbids $name', ({ spec, message }) => {
    const run = () => priorityAdmission(lookup(classes)).mutate!(request(podsDef, pod(spec)));
    expect(run).toThrow(ApiError);
    expect(run).toThrow(message);
  });

  it('keeps the priority set at creation on update', () => {
    const p = pod();
    priorityAdmission(lookup(classes)).mutate!(request(podsDef, p, 'UPDATE', pod({ priority: 7, preemptionPolicy: 'Never' })));
    expect(p.spec).toMatchObject({ priority: 7, preemptionPolicy: 'Never' });
  });

  it('allows only one global default class', () => {
    const admit = priorityAdmission(lookup(classes));
    expect(() => admit.validate!({ ...request(pcDef, { metadata: { name: 'other' }, value: 1, globalDefault: true }), name: 'other' })).toThrow(
      'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist',
    );
    expect(() => admit.validate!({ ...request(pcDef, { metadata: { name: 'normal' }, value: 100, globalDefault: true }), name: 'normal' })).not.toThrow();
  });
});
