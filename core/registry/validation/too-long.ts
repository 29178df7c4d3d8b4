// The v1.32 wording of field.TooLong for byte limits.
import type { FieldError } from '../../machinery/field-errors';

export const tooLongBytes = (field: string, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field,
  detail: `may not be more than ${max} bytes`,
});
