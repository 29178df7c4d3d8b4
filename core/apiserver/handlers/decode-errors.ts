// How kube-apiserver refuses a write whose body (or patched object) does not decode into the
// Go type: field-decoder.ts finds the error, these shape the Status.
import { invalid as fieldInvalid } from '../../machinery/field-errors';
import { badRequest, invalid, type ApiError } from '../../machinery/status';

export type DecodeFailure = (message: string, obj: unknown) => ApiError;

/** Create, update and apply bodies: transformDecodeError's 400. */
export const undecodable =
  (kind: string, version: string): DecodeFailure =>
  (message) =>
    badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`);

/** JSON, merge and strategic merge patches: the patch handler's 422 on "patch", with the patched object. */
export const unpatchable: DecodeFailure = (message, obj) => invalid('', '', '', [fieldInvalid('patch', JSON.stringify(obj), message)]);
