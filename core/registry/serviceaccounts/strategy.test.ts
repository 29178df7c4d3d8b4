import { describe, expect, it } from 'vitest';
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type ServiceAccountObject = Kube<ServiceAccount>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);

describe('service account strategy', () => {
  it.each<[string, Partial<ServiceAccount>, string[]]>([
    ['plain', {}, []],
    ['pull secret names', { imagePullSecrets: [{ name: 'regcred' }, { name: 'Bad_Name' }] }, ['FieldValueInvalid imagePullSecrets[1].name']],
    ['secret names', { secrets: [{ name: 'tok..en' }] }, ['FieldValueInvalid secrets[0].name']],
  ])('%s', (_n, fields, expected) => {
    const sa = { metadata: { name: 'builder', namespace: 'default' }, ...fields } as ServiceAccountObject;
    expect(brief(strategy.validate!(sa))).toEqual(expected);
  });
});
