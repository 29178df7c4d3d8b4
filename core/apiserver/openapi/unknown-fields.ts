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

/**
 * The error text server-side apply gives for undeclared fields (structured-merge-diff's
 * form, ".spec.foo: field not declared in schema"); callers prefix it with
 * "failed to create typed patch object (<namespace>/<name>; <gvk>): ".
 */
export function fieldNotDeclaredMessage(paths: string[]): string {
  const errors = paths.map((p) => `.${p}: field not declared in schema`);
  return errors.length === 1 ? errors[0] : `errors:\n  ${errors.join('\n  ')}`;
}
