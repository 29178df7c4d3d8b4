import { describe, expect, it } from 'vitest';
import type { Secret } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import type { FieldError } from '../../machinery/field-errors';
import { strategy } from './strategy';

type SecretObject = Kube<Secret>;
const brief = (errs: FieldError[] | undefined): string[] => (errs ?? []).map((e) => `${e.type} ${e.field}`);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

function secret(fields: Partial<Secret>): SecretObject {
  const s: SecretObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, ...fields };
  strategy.defaults!(s);
  return s;
}

describe('secret defaults', () => {
  it('defaults the type to Opaque', () => {
    expect(secret({}).type).toBe('Opaque');
  });

  it('folds stringData into data, base64-encoded, overriding data', () => {
    const s = secret({ data: { a: b64('old'), b: b64('keep') }, stringData: { a: 'new', c: 'ünï' } });
    expect(s.stringData).toBeUndefined();
    expect(s.data).toEqual({ a: b64('new'), b: b64('keep'), c: b64('ünï') });
  });
});

describe('secret validation', () => {
  it.each<[string, Partial<Secret>, string[]]>([
    ['valid opaque', { data: { 'user.name': b64('x') } }, []],
    ['bad key', { data: { 'a/b': b64('x') } }, ['FieldValueInvalid data[a/b]']],
    ['bad base64', { data: { k: 'not base64!' } }, ['FieldValueInvalid data[k]']],
    ['too large', { data: { k: Buffer.alloc(1024 * 1024 + 1).toString('base64') } }, ['FieldValueTooLong data']],
    ['tls needs both keys', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }, ['FieldValueRequired data[tls.key]']],
    ['tls complete', { type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c'), 'tls.key': b64('k') } }, []],
    ['basic-auth needs a field', { type: 'kubernetes.io/basic-auth', data: {} }, ['FieldValueRequired data[username]', 'FieldValueRequired data[password]']],
    ['basic-auth username only', { type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }, []],
    ['ssh-auth', { type: 'kubernetes.io/ssh-auth', data: {} }, ['FieldValueRequired data[ssh-privatekey]']],
    ['dockerconfigjson missing', { type: 'kubernetes.io/dockerconfigjson' }, ['FieldValueRequired data[.dockerconfigjson]']],
    ['dockerconfigjson not json', { type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{' } }, ['FieldValueInvalid data[.dockerconfigjson]']],
    ['dockerconfigjson ok', { type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } }, []],
    ['sa token needs annotation', { type: 'kubernetes.io/service-account-token' }, ['FieldValueRequired metadata.annotations[kubernetes.io/service-account.name]']],
  ])('%s', (_n, fields, expected) => {
    expect(brief(strategy.validate!(secret(fields)))).toEqual(expected);
  });

  it('never echoes secret contents', () => {
    const [err] = strategy.validate!(secret({ data: { k: 'a*b' } }));
    expect(err.value).toBe('<secret contents redacted>');
  });
});

describe('secret updates', () => {
  it.each<[string, Partial<Secret>, Partial<Secret>, string[]]>([
    ['data change allowed', { data: { a: b64('1') } }, { data: { a: b64('2') } }, []],
    ['type immutable', { type: 'Opaque' }, { type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }, ['FieldValueInvalid type']],
    ['immutable data', { immutable: true, data: { a: b64('1') } }, { immutable: true, data: { a: b64('2') } }, ['FieldValueForbidden data']],
    ['immutable flag kept', { immutable: true }, { immutable: false }, ['FieldValueForbidden immutable']],
    ['may become immutable', {}, { immutable: true }, []],
  ])('%s', (_n, before, after, expected) => {
    expect(brief(strategy.validateUpdate!(secret(after), secret(before)))).toEqual(expected);
  });
});
