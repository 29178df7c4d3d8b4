import { describe, expect, it } from 'vitest';
import { decodeSecretValue } from './secret-value';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('decodeSecretValue', () => {
  it.each([
    ['ASCII text', btoa('s3cr3t'), { kind: 'text', text: 's3cr3t', bytes: 6 }],
    ['UTF-8 text', b64([...new TextEncoder().encode('mot de passe é')]), { kind: 'text', text: 'mot de passe é', bytes: 15 }],
    ['multi-line text', btoa('a: 1\nb: 2\n'), { kind: 'text', text: 'a: 1\nb: 2\n', bytes: 10 }],
    ['invalid UTF-8', b64([0xff, 0xfe, 0x00, 0x01]), { kind: 'binary', bytes: 4 }],
    ['control bytes', b64([0x1f, 0x8b, 0x08, 0x00]), { kind: 'binary', bytes: 4 }],
    ['empty', '', { kind: 'text', text: '', bytes: 0 }],
  ])('%s', (_name, input, expected) => {
    expect(decodeSecretValue(input)).toEqual(expected);
  });

  it('refuses what is not base64', () => {
    expect(() => decodeSecretValue('not base64!')).toThrow(/not valid base64/);
  });
});
