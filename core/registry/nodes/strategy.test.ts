import { describe, expect, it } from 'vitest';
import type { Node, NodeSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type NodeObject = Kube<Node>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function node(spec: NodeSpec = {}, status?: Node['status']): NodeObject {
  const n = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec, ...(status ? { status } : {}) } as NodeObject;
  strategy.defaults!(n);
  return n;
}

describe('node strategy', () => {
  it('defaults allocatable from capacity and mirrors podCIDR', () => {
    const n = node({ podCIDR: '10.244.0.0/24' }, { capacity: { cpu: '4', memory: '8192Mi' } });
    expect(n.status?.allocatable).toEqual({ cpu: '4', memory: '8Gi' });
    expect(n.spec?.podCIDRs).toEqual(['10.244.0.0/24']);
  });

  it.each<[string, NodeSpec, string[]]>([
    ['valid taints', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], unschedulable: true }, []],
    ['taint effect required', { taints: [{ key: 'k', effect: '' }] }, ['FieldValueRequired spec.taints[0].effect']],
    ['taint effect unknown', { taints: [{ key: 'k', effect: 'NoRun' }] }, ['FieldValueNotSupported spec.taints[0].effect']],
    ['taint key', { taints: [{ key: 'bad key', effect: 'NoExecute' }] }, ['FieldValueInvalid spec.taints[0].key']],
    [
      'duplicate taints',
      { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }] },
      ['FieldValueDuplicate spec.taints[1]'],
    ],
    ['same key, other effect', { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', effect: 'NoExecute' }] }, []],
    ['bad podCIDR', { podCIDRs: ['10.0.0.0/33'] }, ['FieldValueInvalid spec.podCIDRs[0]']],
    ['two CIDRs of one family', { podCIDRs: ['10.0.0.0/24', '10.1.0.0/24'] }, ['FieldValueInvalid spec.podCIDRs']],
  ])('%s', (_n, spec, expected) => {
    expect(brief(strategy.validate!(node(spec)))).toEqual(expected);
  });

  it.each<[string, NodeSpec, NodeSpec, string[]]>([
    ['podCIDR set once', {}, { podCIDR: '10.244.1.0/24' }, []],
    ['podCIDR change', { podCIDR: '10.244.1.0/24' }, { podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] }, ['FieldValueForbidden spec.podCIDRs']],
    ['cordon', {}, { unschedulable: true }, []],
    ['providerID change', { providerID: 'a' }, { providerID: 'b' }, ['FieldValueForbidden spec.providerID']],
  ])('update: %s', (_n, before, after, expected) => {
    expect(brief(strategy.validateUpdate!(node(after), node(before)))).toEqual(expected);
  });
});
