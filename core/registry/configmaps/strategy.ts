// ConfigMap rules (ValidateConfigMap, ValidateConfigMapUpdate).
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { Kube } from '../../machinery/object';
import { invalid, type FieldError } from '../../machinery/field-errors';
import type { Strategy } from '../types';
import { key } from '../validation/field-path';
import { maxDataSize, validateImmutableData } from '../validation/immutable-data';
import { isConfigMapKey } from '../../machinery/names';
import { tooLongBytes } from '../validation/too-long';

type ConfigMapObject = Kube<ConfigMap>;

/** binaryData values are base64 in JSON; their size is the decoded size. */
const decodedSize = (b64: string): number => Buffer.from(b64, 'base64').length;

function validateConfigMap(cm: ConfigMapObject): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    if (cm.binaryData && k in cm.binaryData) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(String(v));
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, m));
    total += decodedSize(String(v));
  }
  // Kubernetes reports the whole object here, under an empty path.
  if (total > maxDataSize) errs.push(tooLongBytes('', maxDataSize));
  return errs;
}

export const strategy: Strategy<ConfigMapObject> = {
  validate: validateConfigMap,
  validateUpdate: (cm, old) => validateImmutableData(cm, old, ['data', 'binaryData']),
};
