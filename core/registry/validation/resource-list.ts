// Whole ResourceLists whose entries need only valid, non-negative quantities (node capacity,
// PV capacity, status lists), with a caller-chosen name rule.
import { type FieldError } from '../../machinery/field-errors';
import { key } from './field-path';
import { parseListQuantity, validateQuantityValue } from './resources';

export function validateResourceList(
  list: Record<string, unknown> | undefined,
  path: string,
  nameRule?: (name: string, path: string) => FieldError[],
): FieldError[] {
  const errs: FieldError[] = [];
  for (const [name, raw] of Object.entries(list ?? {})) {
    const p = key(path, name);
    if (nameRule) errs.push(...nameRule(name, p));
    const q = parseListQuantity(raw, p, errs);
    if (q) errs.push(...validateQuantityValue(name, q, p));
  }
  return errs;
}
