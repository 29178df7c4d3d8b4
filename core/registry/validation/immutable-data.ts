// ConfigMaps and Secrets marked immutable: the flag may not be cleared, nor the data changed.
import { forbidden, type FieldError } from '../../machinery/field-errors';
import { semanticEqual } from './semantic-equal';

const msg = 'field is immutable when `immutable` is set';

export function validateImmutableData(
  next: { immutable?: boolean } & Record<string, unknown>,
  old: { immutable?: boolean } & Record<string, unknown>,
  dataFields: string[],
): FieldError[] {
  if (!old.immutable) return [];
  const errs: FieldError[] = [];
  if (!next.immutable) errs.push(forbidden('immutable', msg));
  for (const f of dataFields) if (!semanticEqual(next[f], old[f])) errs.push(forbidden(f, msg));
  return errs;
}

/** The most a ConfigMap's or Secret's data may hold (core.MaxSecretSize). */
export const maxDataSize = 1024 * 1024;
