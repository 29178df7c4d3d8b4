import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type PVObject = Kube<PersistentVolume>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

function pv(spec: PersistentVolumeSpec): PVObject {
  const v = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec } as PVObject;
  strategy.prepareForCreate!(v);
  strategy.defaults!(v);
  return v;
}
const hostPath = (): PersistentVolumeSpec => ({ accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' }, hostPath: { path: '/data' } });

describe('pv strategy', () => {
  it('defaults reclaim policy, volume mode and phase', () => {
    const v = pv(hostPath());
    expect(v.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(v.status?.phase).toBe('Pending');
  });

  it.each<[string, PersistentVolumeSpec, string[]]>([
    ['valid', hostPath(), []],
    ['no source', { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } }, ['FieldValueRequired spec']],
    ['capacity required', { ...hostPath(), capacity: {} }, ['FieldValueRequired spec.capacity']],
    ['only storage capacity', { ...hostPath(), capacity: { storage: '1Gi', cpu: '1' } }, ['FieldValueNotSupported spec.capacity']],
    ['reclaim policy', { ...hostPath(), persistentVolumeReclaimPolicy: 'Keep' }, ['FieldValueNotSupported spec.persistentVolumeReclaimPolicy']],
    ['local needs node affinity', { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/mnt' } }, ['FieldValueRequired spec.nodeAffinity']],
  ])('%s', (_n, spec, expected) => {
    expect(brief(strategy.validate!(pv(spec)))).toEqual(expected);
  });

  it('keeps the volume source immutable but lets claimRef change', () => {
    const old = pv(hostPath());
    expect(brief(strategy.validateUpdate!(pv({ ...hostPath(), hostPath: { path: '/other' } }), old))).toEqual([
      'FieldValueForbidden spec.persistentvolumesource',
    ]);
    expect(strategy.validateUpdate!(pv({ ...hostPath(), claimRef: { name: 'c', namespace: 'd' } }), old)).toEqual([]);
  });
});
