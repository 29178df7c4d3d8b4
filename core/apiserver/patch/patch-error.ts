// The errors a patch body can cause, with the code, reason and message the real API server
// answers (k8s.io/apiserver endpoints/handlers/patch.go decides which failure is which).
import { ApiError } from '../../machinery/status';

export type PatchErrorCode = 400 | 413 | 422 | 500;

const REASONS: Record<PatchErrorCode, string> = {
  400: 'BadRequest',
  413: 'RequestEntityTooLarge',
  422: 'Invalid',
  // Errors the real server does not wrap in a Status leave it as 500 with no reason.
  500: '',
};

/** The message Kubernetes puts in a 422 built by NewGenericServerResponse: the cause is dropped. */
export const REJECTED_MESSAGE = 'the server rejected our request due to an error in our request';

export class PatchError extends ApiError {
  /**
   * @param message what the Status says
   * @param detail what went wrong underneath (the patch library's own words); the real server
   *   logs it but does not send it for 422s, so neither do we
   */
  constructor(
    code: PatchErrorCode,
    message: string,
    readonly detail: string = message,
  ) {
    super(code, REASONS[code], message);
    this.name = 'PatchError';
  }

  get isBadRequest(): boolean {
    return this.code === 400;
  }

  get isInvalid(): boolean {
    return this.code === 422;
  }
}

export const patchBadRequest = (message: string) => new PatchError(400, message);

export const patchRejected = (detail: string) => new PatchError(422, REJECTED_MESSAGE, detail);

export const patchInternal = (message: string) => new PatchError(500, message);
