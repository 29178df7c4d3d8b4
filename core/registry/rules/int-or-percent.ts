// IntOrString fields that hold a count or a percentage (maxSurge, maxUnavailable, minAvailable),
// checked as apps validation does.
import { invalid, type FieldError } from '../../machinery/field-errors';
import { validateNonnegative } from '../validation/immutable';

/** kubernetes-types spells intstr.IntOrString as number | string. */
export type IntOrString = number | string;

const percentRe = /^[0-9]+%$/;
const percentError = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function percentOf(v: IntOrString): number | undefined {
  return typeof v === 'string' && percentRe.test(v) ? Number(v.slice(0, -1)) : undefined;
}

/** The number a value stands for: the percentage itself, or the integer (0 for non-numbers, like Go's IntValue). */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (v === undefined) return 0;
  const pct = percentOf(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'number') return v;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return percentRe.test(v) ? [] : [invalid(path, v, percentError)];
  return validateNonnegative(v, path);
}

export function validateNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const pct = v === undefined ? undefined : percentOf(v);
  return pct !== undefined && pct > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
}
