import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../../machinery/field-errors';
import { validateLabelSelector } from './label-selector';
import { isDNS1035Label } from '../../machinery/names';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta';

const brief = (errs: FieldError[]): string[] => errs.map((e) => `${e.type} ${e.field}`);

describe('validateObjectMeta', () => {
  it.each<[string, ObjectMeta, { namespaced: boolean; validateName?: (n: string) => string[] }, string[]]>([
    ['valid namespaced', { name: 'web', namespace: 'default', labels: { app: 'web' } }, { namespaced: true }, []],
    ['name or generateName required', { namespace: 'default' }, { namespaced: true }, ['FieldValueRequired metadata.name']],
    ['bad name', { name: 'Web', namespace: 'default' }, { namespaced: true }, ['FieldValueInvalid metadata.name']],
    ['generateName may end in a dash', { generateName: 'web-', name: 'web-abcde', namespace: 'd' }, { namespaced: true }, []],
    ['namespace required', { name: 'web' }, { namespaced: true }, ['FieldValueRequired metadata.namespace']],
    ['namespace forbidden when cluster-scoped', { name: 'n1', namespace: 'x' }, { namespaced: false }, ['FieldValueForbidden metadata.namespace']],
    ['custom name rule', { name: '1svc', namespace: 'd' }, { namespaced: true, validateName: isDNS1035Label }, ['FieldValueInvalid metadata.name']],
    ['bad label key', { name: 'a', namespace: 'd', labels: { 'bad key': 'x' } }, { namespaced: true }, ['FieldValueInvalid metadata.labels']],
    ['bad label value', { name: 'a', namespace: 'd', labels: { k: 'x y' } }, { namespaced: true }, ['FieldValueInvalid metadata.labels']],
    ['bad annotation key', { name: 'a', namespace: 'd', annotations: { '-x': '' } }, { namespaced: true }, ['FieldValueInvalid metadata.annotations']],
    [
      'annotations over 256KiB',
      { name: 'a', namespace: 'd', annotations: { big: 'x'.repeat(256 * 1024) } },
      { namespaced: true },
      ['FieldValueTooLong metadata.annotations'],
    ],
    [
      'owner reference without uid',
      { name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: '' }] },
      { namespaced: true },
      ['FieldValueInvalid metadata.ownerReferences.uid'],
    ],
    [
      'two controllers',
      {
        name: 'a',
        namespace: 'd',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'A', name: 'a', uid: '1', controller: true },
          { apiVersion: 'v1', kind: 'B', name: 'b', uid: '2', controller: true },
        ],
      },
      { namespaced: true },
      ['FieldValueInvalid metadata.ownerReferences'],
    ],
    ['unqualified finalizer', { name: 'a', namespace: 'd', finalizers: ['custom'] }, { namespaced: true }, ['FieldValueInvalid metadata.finalizers[0]']],
    ['qualified finalizer', { name: 'a', namespace: 'd', finalizers: ['example.com/f', 'kubernetes'] }, { namespaced: true }, []],
  ])('%s', (_n, meta, opts, expected) => {
    expect(brief(validateObjectMeta(meta, opts))).toEqual(expected);
  });

  it('words errors as Kubernetes does', () => {
    const [e] = validateObjectMeta({ namespace: 'd' }, { namespaced: true });
    expect(e).toEqual({ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' });
    const [tooLong] = validateObjectMeta({ name: 'a', namespace: 'd', annotations: { big: 'x'.repeat(300000) } }, { namespaced: true });
    expect(tooLong.detail).toBe('may not be more than 262144 bytes');
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = { name: 'a', namespace: 'd', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', generation: 2 };
  it.each<[string, ObjectMeta, string[]]>([
    ['unchanged', { ...old, labels: { x: 'y' } }, []],
    ['name changed', { ...old, name: 'b' }, ['FieldValueInvalid metadata.name']],
    ['uid changed', { ...old, uid: 'u2' }, ['FieldValueInvalid metadata.uid']],
    ['creationTimestamp changed', { ...old, creationTimestamp: '2025-01-01T00:00:00Z' }, ['FieldValueInvalid metadata.creationTimestamp']],
    ['generation decremented', { ...old, generation: 1 }, ['FieldValueInvalid metadata.generation']],
  ])('%s', (_n, meta, expected) => {
    expect(brief(validateObjectMetaUpdate(meta, old))).toEqual(expected);
  });

  it('forbids new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2025-01-01T00:00:00Z' };
    const errs = validateObjectMetaUpdate({ ...deleting, finalizers: ['example.com/x'] }, deleting);
    expect(errs).toEqual([
      {
        type: 'FieldValueForbidden',
        field: 'metadata.finalizers',
        detail: 'no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/x"}',
      },
    ]);
  });
});

describe('validateLabelSelector', () => {
  it.each([
    ['valid', { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, []],
    ['In without values', { matchExpressions: [{ key: 'k', operator: 'In' }] }, ['FieldValueRequired sel.matchExpressions[0].values']],
    ['Exists with values', { matchExpressions: [{ key: 'k', operator: 'Exists', values: ['a'] }] }, ['FieldValueForbidden sel.matchExpressions[0].values']],
    ['bad operator', { matchExpressions: [{ key: 'k', operator: 'Is' }] }, ['FieldValueInvalid sel.matchExpressions[0].operator']],
    ['bad value', { matchExpressions: [{ key: 'k', operator: 'In', values: ['a b'] }] }, ['FieldValueInvalid sel.matchExpressions[0].values[0]']],
    ['bad matchLabels', { matchLabels: { k: '-' } }, ['FieldValueInvalid sel.matchLabels']],
  ])('%s', (_n, sel, expected) => {
    expect(brief(validateLabelSelector(sel, 'sel'))).toEqual(expected);
  });
});
