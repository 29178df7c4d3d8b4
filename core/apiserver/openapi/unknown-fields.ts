// Strict field validation: the messages the API server answers with for fieldValidation=Strict
// and Warn about the undeclared fields field-decoder.ts finds.

/** The 400 message for fieldValidation=Strict on create and update (JSON or YAML bodies). */
export function unknownFieldsMessage(paths: string[]): string {
  return `strict decoding error: ${unknownFieldWarnings(paths).join(', ')}`;
}

/** The Warning headers for fieldValidation=Warn, one per field. */
export function unknownFieldWarnings(paths: string[]): string[] {
  return paths.map((p) => `unknown field "${p}"`);
}
