// The "field is immutable" check shared by every kind's update validation.
import { invalid, type FieldError } from '../../machinery/field-errors';
import { semanticEqual } from './semantic-equal';

export const fieldImmutableErrorMsg = 'field is immutable';

export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string): FieldError[] {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(path, newVal ?? null, fieldImmutableErrorMsg)];
}

export const isNegativeErrorMsg = 'must be greater than or equal to 0';

export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, isNegativeErrorMsg)] : [];
}
