// Secret rules: type Opaque by default, stringData folded into data (as the v1 conversion
// does), and ValidateSecret's key, size and per-type checks.
import type { Secret } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { invalid, required, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { key } from '../validation/field-path';
import { validateImmutableField } from '../validation/immutable';
import { maxDataSize, validateImmutableData } from '../validation/immutable-data';
import { isConfigMapKey } from '../../machinery/names';
import { tooLongBytes } from '../validation/too-long';

type SecretObject = Kube<Secret>;

const redacted = '<secret contents redacted>';

/** Decodes standard base64 as Go's encoding/json does for []byte, or explains why not. */
export function decodeBase64(s: string): { bytes?: Buffer; error?: string } {
  const clean = s.replace(/[\r\n]/g, '');
  const bad = clean.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return { error: `illegal base64 data at input byte ${bad}` };
  const pad = clean.indexOf('=');
  if (clean.length % 4 !== 0 || (pad >= 0 && (pad < clean.length - 2 || !/^=+$/.test(clean.slice(pad))))) {
    return { error: `illegal base64 data at input byte ${pad >= 0 ? pad : clean.length - (clean.length % 4)}` };
  }
  return { bytes: Buffer.from(clean, 'base64') };
}

function defaults(secret: SecretObject): void {
  secret.type ||= 'Opaque';
  if (secret.stringData) {
    const data = (secret.data ??= {});
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
    delete secret.stringData;
  }
}

function requireKeys(data: Record<string, Buffer>, keys: string[]): FieldError[] {
  return keys.filter((k) => !(k in data)).map((k) => required(key('data', k)));
}

function validateJSONKey(data: Record<string, Buffer>, k: string): FieldError[] {
  const raw = data[k];
  if (!raw) return [required(key('data', k))];
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return [invalid(key('data', k), redacted, 'json: cannot unmarshal into Go value of type map[string]interface {}')];
    }
    return [];
  } catch (e) {
    return [invalid(key('data', k), redacted, (e as Error).message)];
  }
}

function validateSecret(secret: SecretObject): FieldError[] {
  const errs: FieldError[] = [];
  const data: Record<string, Buffer> = {};
  let total = 0;
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    const decoded = decodeBase64(String(v));
    if (decoded.error) errs.push(invalid(key('data', k), redacted, decoded.error));
    data[k] = decoded.bytes ?? Buffer.alloc(0);
    total += data[k].length;
  }
  if (total > maxDataSize) errs.push(tooLongBytes('data', maxDataSize));
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(key('metadata.annotations', 'kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...validateJSONKey(data, '.dockercfg'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...validateJSONKey(data, '.dockerconfigjson'));
      break;
    case 'kubernetes.io/basic-auth':
      // Either may be empty, but one of them must be there.
      if (!('username' in data) && !('password' in data)) errs.push(...requireKeys(data, ['username', 'password']));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']?.length) errs.push(required(key('data', 'ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      errs.push(...requireKeys(data, ['tls.crt', 'tls.key']));
      break;
  }
  return errs;
}

export const strategy: Strategy<SecretObject> = {
  defaults,
  validate: validateSecret,
  validateUpdate: (secret, old) => [
    ...validateImmutableField(secret.type, old.type, 'type'),
    ...validateImmutableData(secret, old, ['data']),
  ],
};
