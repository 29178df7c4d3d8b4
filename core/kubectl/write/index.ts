// The write side shared by every command that changes objects: flags, request options, output.
export { writeFlags, writeOptions, writeQuery, dryRunOf, validationOf, WRITE_PRINT_FLAGS, type DryRun, type FieldValidation, type WriteOptions } from './options';
export { resultPrinter, kindAndName, type ResultPrinter } from './print';
export { withLastApplied, LAST_APPLIED } from './last-applied';
