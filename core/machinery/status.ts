// Kubernetes Status errors (metav1.Status). Every error a client can cause leaves the API
// server as one of these, with the code, reason and message a real API server would use.
import type { FieldError } from './field-errors';
import { fieldErrorBody, fieldErrorText } from './field-errors';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  /** ListMeta: a 410 for an expired continue token carries one to go on with. */
  metadata: { continue?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    readonly listMeta: Status['metadata'] = {},
  ) {
    super(message);
  }

  toStatus(): Status {
    const s: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: this.listMeta,
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) s.details = this.details;
    return s;
  }
}

/** What a resource is called in messages: "pods", "deployments.apps". */
export interface ResourceRef {
  group: string;
  plural: string;
}

const qualified = (r: ResourceRef) => (r.group ? `${r.plural}.${r.group}` : r.plural);

export const notFound = (r: ResourceRef, name: string) =>
  new ApiError(404, 'NotFound', `${qualified(r)} "${name}" not found`, { name, group: r.group || undefined, kind: r.plural });

export const alreadyExists = (r: ResourceRef, name: string) =>
  new ApiError(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, {
    name,
    group: r.group || undefined,
    kind: r.plural,
  });

export const conflict = (r: ResourceRef, name: string, why: string) =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`, {
    name,
    group: r.group || undefined,
    kind: r.plural,
  });

export const staleConflict = (r: ResourceRef, name: string) =>
  conflict(r, name, 'the object has been modified; please apply your changes to the latest version and try again');

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

/** 403 as NewForbidden words it: no resource (a path) or no name (a list, a POST) shortens the message. */
export function forbidden(r: ResourceRef, name: string, why: string): ApiError {
  const subject = !r.plural ? '' : name ? `${qualified(r)} "${name}" is ` : `${qualified(r)} is `;
  return new ApiError(403, 'Forbidden', `${subject}forbidden: ${why}`, {
    name: name || undefined,
    group: r.group || undefined,
    kind: r.plural || undefined,
  });
}

export const methodNotAllowed = (message: string) => new ApiError(405, 'MethodNotAllowed', message);

export const unauthorized = () => new ApiError(401, 'Unauthorized', 'Unauthorized');

export const internalError = (message: string) =>
  new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);

export const tooLarge = (message: string) => new ApiError(413, 'RequestEntityTooLarge', message);

/** A patch type the resource does not take; custom resources take no strategic merge patch. */
export const unsupportedMediaType = (type: string, custom = false) =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${custom ? '' : ', application/strategic-merge-patch+json'}; got ${type}`,
  );

export const notAcceptable = (message: string) => new ApiError(406, 'NotAcceptable', message);

export const expired = (message: string, listMeta?: Status['metadata']) => new ApiError(410, 'Expired', message, undefined, listMeta);

export const tooManyRequests = (message: string, causes?: StatusCause[]) =>
  new ApiError(429, 'TooManyRequests', message, causes ? { causes } : undefined);

/** 422 Invalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: ...` */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const texts = errors.map(fieldErrorText);
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${body}`, {
    name,
    group: group || undefined,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
  });
}

export function successStatus(details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200, ...(details ? { details } : {}) } as Status;
}
