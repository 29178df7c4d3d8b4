// The one form of an API path the host sends. A path is checked after it is decoded and
// rebuilt, never as given: "/api/%2e%2e/readyz", "/api/v1/..%2Fhealthz" or "/api\..\readyz" look
// like API paths but a URL parser or a server resolves them elsewhere. Each segment is
// percent-decoded once, refused if it could change the path (".", "..", "/", "\", "%", control
// characters: Kubernetes refuses "/" and "%" in names too), and encoded again, so what the
// guard approves is byte for byte what goes on the wire.

// openapi: the schemas the YAML editor completes from (GET /openapi/v3 and its documents).
const ROOTS = new Set(['api', 'apis', 'version', 'openapi']);
const FORBIDDEN = /[/\\%\p{Cc}]/u;

/** The canonical form of a Kubernetes API path, or an error for anything outside the API. */
export function canonicalApiPath(path: unknown): string {
  const refuse = (why: string) => new Error(`not a Kubernetes API path: ${String(path)} (${why})`);
  if (typeof path !== 'string' || !path.startsWith('/')) throw refuse('must start with /');
  if (/[?#\\]/.test(path)) throw refuse('no query, fragment or backslash in the path');
  // One trailing slash is kept ("/apis/"); an empty segment anywhere else is not.
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const segments = path.slice(1, trailingSlash ? -1 : undefined).split('/').map((s) => {
    let segment: string;
    try {
      segment = decodeURIComponent(s);
    } catch {
      throw refuse(`bad percent-encoding in "${s}"`);
    }
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN.test(segment)) throw refuse(`segment "${s}"`);
    return segment;
  });
  if (!ROOTS.has(segments[0]!)) throw refuse('outside /api, /apis, /openapi and /version');
  return '/' + segments.map(encodeSegment).join('/') + (trailingSlash ? '/' : '');
}

/** ":" and "@" are plain in a path segment (RBAC names such as system:node); the rest as encodeURIComponent. */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/%3A/g, ':').replace(/%40/g, '@');
