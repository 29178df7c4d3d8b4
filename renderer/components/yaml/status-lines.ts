// A refused write's Status turned into errors at the lines of the fields it names: the causes'
// field paths (422 Invalid), and the fields named in the decoder's 400 messages (strict
// decoding's unknown fields, a value of the wrong JSON type).
import type { StatusCause } from 'kubernetes-types/meta/v1';
import type { LineError, YamlDocument } from './yaml-documents';
import { lineOfPath, parseFieldPath } from './yaml-lines';

/** The field paths a decoder message names. */
export function fieldsInMessage(message: string): string[] {
  const fields: string[] = [];
  for (const m of message.matchAll(/unknown field "([^"]+)"/g)) fields.push(m[1]!);
  for (const m of message.matchAll(/duplicate field "([^"]+)"/g)) fields.push(m[1]!);
  // json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32
  for (const m of message.matchAll(/Go struct field \w+\.(\S+) of type/g)) fields.push(m[1]!);
  return fields;
}

/** The errors of one document's refused write, at their lines of the whole text; a failure
 *  that names no field is put on the document's first line. */
export function statusLineErrors(doc: YamlDocument, message: string, causes: StatusCause[] = []): LineError[] {
  const at = (field: string) => doc.startLine + lineOfPath(doc.text, parseFieldPath(field));
  const errors: LineError[] = causes.filter((c) => c.field).map((c) => ({ line: at(c.field!), message: `${c.field}: ${c.message ?? c.reason ?? ''}` }));
  if (!errors.length) errors.push(...fieldsInMessage(message).map((field) => ({ line: at(field), message })));
  if (!errors.length) errors.push({ line: doc.startLine + 1, message });
  return errors;
}
