// The path and query of a request target. Nearly every one is plain
// (/api/v1/namespaces/x/pods?limit=500) and is split directly: the WHATWG URL parser costs a
// few microseconds of every request. Anything that parser could change (dot segments, "//",
// characters it percent-encodes, a fragment) still goes through it, so the result is the same.

export interface RequestTarget {
  pathname: string;
  query: URLSearchParams;
}

/** Characters URL leaves as they are in a path. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
/** A segment URL would resolve (".", "..", "%2e"...) or an empty one it could take for a host. */
const RESOLVED = /\/(?:\.|%2e)|\/\//i;

export function requestTarget(raw: string | undefined): RequestTarget {
  const target = raw || '/';
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  if (PLAIN_PATH.test(pathname) && !RESOLVED.test(pathname) && !target.includes('#')) {
    return { pathname, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
  }
  const url = new URL(target, 'https://apiserver');
  return { pathname: url.pathname, query: url.searchParams };
}
