// Compact "<type> <field>" keys for comparing field errors in table-driven tests.
import type { FieldError } from '../../core/machinery/field-errors';

export const errorKeys = (errs: FieldError[]): string[] => errs.map((e) => `${e.type} ${e.field}`);
