import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type PVCObject = Kube<PersistentVolumeClaim>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function claim(spec: PersistentVolumeClaimSpec, phase?: string): PVCObject {
  const c = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec } as PVCObject;
  strategy.prepareForCreate!(c);
  if (phase) (c as { status?: unknown }).status = { phase };
  strategy.defaults!(c);
  return c;
}
const basic = (storage = '1Gi'): PersistentVolumeClaimSpec => ({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } });

describe('pvc strategy', () => {
  it('defaults volumeMode and starts Pending', () => {
    const c = claim(basic('1024Mi'));
    expect(c.spec?.volumeMode).toBe('Filesystem');
    expect(c.spec?.resources?.requests).toEqual({ storage: '1Gi' });
    expect(c.status).toEqual({ phase: 'Pending' });
  });

  it.each<[string, PersistentVolumeClaimSpec, string[]]>([
    ['valid', basic(), []],
    ['access modes required', { resources: { requests: { storage: '1Gi' } } }, ['FieldValueRequired spec.accessModes']],
    ['access mode unknown', { ...basic(), accessModes: ['ReadWriteSometimes'] }, ['FieldValueNotSupported spec.accessModes']],
    ['storage required', { accessModes: ['ReadWriteOnce'] }, ['FieldValueRequired spec.resources[storage]']],
    ['storage positive', basic('0'), ['FieldValueInvalid spec.resources[storage]']],
    ['volumeMode', { ...basic(), volumeMode: 'Raw' }, ['FieldValueNotSupported spec.volumeMode']],
  ])('%s', (_n, spec, expected) => {
    expect(brief(strategy.validate!(claim(spec)))).toEqual(expected);
  });

  it.each<[string, PersistentVolumeClaimSpec, string | undefined, PersistentVolumeClaimSpec, string[]]>([
    ['bind sets volumeName', basic(), 'Pending', { ...basic(), volumeName: 'pv-1' }, []],
    ['grow bound claim', basic(), 'Bound', basic('2Gi'), []],
    ['grow unbound claim', basic(), 'Pending', basic('2Gi'), ['FieldValueForbidden spec']],
    ['shrink bound claim', basic('2Gi'), 'Bound', basic('1Gi'), ['FieldValueForbidden spec.resources.requests.storage']],
    ['change access modes', basic(), 'Bound', { ...basic(), accessModes: ['ReadWriteMany'] }, ['FieldValueForbidden spec']],
  ])('update: %s', (_n, before, phase, after, expected) => {
    const old = claim(before, phase);
    const next = claim(after, phase);
    expect(brief(strategy.validateUpdate!(next, old))).toEqual(expected);
  });
});
