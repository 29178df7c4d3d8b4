import { describe, expect, it } from 'vitest';
import type { LimitRange, LimitRangeItem } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type LimitRangeObject = Kube<LimitRange>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function lr(...limits: LimitRangeItem[]): LimitRangeObject {
  const l = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l', namespace: 'default' }, spec: { limits } } as LimitRangeObject;
  strategy.defaults!(l);
  return l;
}

describe('limit range strategy', () => {
  it('defaults container limits from max and requests from limits or min', () => {
    const [item] = lr({ type: 'Container', max: { cpu: '2', memory: '1Gi' }, min: { memory: '100Mi', 'ephemeral-storage': '1Gi' } }).spec!.limits;
    expect(item.default).toEqual({ cpu: '2', memory: '1Gi' });
    expect(item.defaultRequest).toEqual({ cpu: '2', memory: '1Gi', 'ephemeral-storage': '1Gi' });
  });

  it('leaves pod items alone', () => {
    const [item] = lr({ type: 'Pod', max: { cpu: '2' } }).spec!.limits;
    expect(item.default).toBeUndefined();
  });

  it.each<[string, LimitRangeItem[], string[]]>([
    ['valid', [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '250m' } }], []],
    // The defaulted default and defaultRequest (from max) are then below min as well.
    [
      'min above max',
      [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }],
      ['FieldValueInvalid spec.limits[0].min[cpu]', 'FieldValueInvalid spec.limits[0].defaultRequest[cpu]', 'FieldValueInvalid spec.limits[0].default[cpu]'],
    ],
    ['default request above default', [{ type: 'Container', default: { cpu: '1' }, defaultRequest: { cpu: '2' } }], ['FieldValueInvalid spec.limits[0].defaultRequest[cpu]']],
    ['pod defaults forbidden', [{ type: 'Pod', default: { cpu: '1' } }], ['FieldValueForbidden spec.limits[0].default']],
    ['pvc needs storage bound', [{ type: 'PersistentVolumeClaim' }], ['FieldValueRequired spec.limits[0].limits']],
    ['ratio below one', [{ type: 'Container', maxLimitRequestRatio: { cpu: '500m' } }], ['FieldValueInvalid spec.limits[0].maxLimitRequestRatio[cpu]']],
    ['unknown type', [{ type: 'Volume' }], ['FieldValueInvalid spec.limits[0].type']],
    ['duplicate type', [{ type: 'Pod' }, { type: 'Pod' }], ['FieldValueDuplicate spec.limits[1].type']],
  ])('%s', (_n, limits, expected) => {
    expect(brief(strategy.validate!(lr(...limits)))).toEqual(expected);
  });
});
