import { describe, expect, it } from 'vitest';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type ConfigMapObject = Kube<ConfigMap>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);
const cm = (fields: Partial<ConfigMap>): ConfigMapObject => ({ metadata: { name: 'c', namespace: 'default' }, ...fields });

describe('configmap validation', () => {
  it.each<[string, Partial<ConfigMap>, string[]]>([
    ['valid', { data: { 'game.properties': 'x', KEY_1: 'y' }, binaryData: { bin: 'AAEC' } }, []],
    ['bad data key', { data: { 'a b': 'x' } }, ['FieldValueInvalid data[a b]']],
    ['dot-dot key', { data: { '..x': 'x' } }, ['FieldValueInvalid data[..x]']],
    ['key in both', { data: { k: 'x' }, binaryData: { k: 'AA==' } }, ['FieldValueInvalid data[k]']],
    ['bad binary key', { binaryData: { 'a/b': 'AA==' } }, ['FieldValueInvalid binaryData[a/b]']],
    ['over 1MiB', { data: { k: 'x'.repeat(1024 * 1024 + 1) } }, ['FieldValueTooLong ']],
  ])('%s', (_n, fields, expected) => {
    expect(brief(strategy.validate!(cm(fields)))).toEqual(expected);
  });

  it.each<[string, Partial<ConfigMap>, Partial<ConfigMap>, string[]]>([
    ['mutable', { data: { a: '1' } }, { data: { a: '2' } }, []],
    ['immutable data', { immutable: true, data: { a: '1' } }, { immutable: true, data: { a: '2' } }, ['FieldValueForbidden data']],
    ['immutable binaryData', { immutable: true }, { immutable: true, binaryData: { b: 'AA==' } }, ['FieldValueForbidden binaryData']],
    ['unset immutable', { immutable: true }, {}, ['FieldValueForbidden immutable']],
  ])('update: %s', (_n, before, after, expected) => {
    expect(brief(strategy.validateUpdate!(cm(after), cm(before)))).toEqual(expected);
  });
});
