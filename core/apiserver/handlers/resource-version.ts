// The resourceVersion query parameter: a uint64, read as Go's strconv.ParseUint reads it, and
// kept as a bigint so that a number past 2^53 is compared and reported exactly as it was sent.
import { ApiError, badRequest } from '../../machinery/status';

const UINT64_MAX = 2n ** 64n - 1n;

/** The requested resourceVersion, undefined when absent; 400 for what ParseUint refuses. */
export function resourceVersionParam(query: URLSearchParams): bigint | undefined {
  const rv = query.get('resourceVersion');
  if (rv === null || rv === '') return undefined;
  const why = !/^\d+$/.test(rv) ? 'invalid syntax' : BigInt(rv) > UINT64_MAX ? 'value out of range' : undefined;
  if (why) {
    const quoted = JSON.stringify(rv);
    throw badRequest(`invalid resource version: resourceVersion: Invalid value: ${quoted}: strconv.ParseUint: parsing ${quoted}: ${why}`);
  }
  return BigInt(rv);
}

/** A read at a revision the store has not reached (storage.NewTooLargeResourceVersionError). */
export function tooLargeResourceVersion(requested: bigint, current: number): ApiError {
  return new ApiError(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });
}
