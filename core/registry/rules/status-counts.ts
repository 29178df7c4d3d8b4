// Status counters written by controllers: never negative, never above their bound, and the
// collision count never goes down.
import { invalid, type FieldError } from '../../machinery/field-errors';
import { child } from '../validation/field-path';
import { validateNonnegative } from '../validation/immutable';

type Counts = Record<string, unknown> | undefined;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function validateNonnegativeCounts(status: Counts, fields: string[], path: string): FieldError[] {
  return fields.flatMap((f) => validateNonnegative(status?.[f] as number | undefined, child(path, f)));
}

/** status.<field> must not exceed status.<bound>; detail is Kubernetes' wording for that pair. */
export function validateNotAbove(status: Counts, field: string, bound: string, path: string, detail: string): FieldError[] {
  const v = num(status?.[field]);
  return v > num(status?.[bound]) ? [invalid(child(path, field), v, detail)] : [];
}

export function validateCollisionCount(status: Counts, old: Counts, path: string): FieldError[] {
  const now = status?.collisionCount;
  const before = old?.collisionCount;
  if (typeof before !== 'number') return [];
  if (typeof now === 'number' && now >= before) return [];
  return [invalid(child(path, 'collisionCount'), num(now), 'cannot be decremented')];
}
