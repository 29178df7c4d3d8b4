// Splits a request path into what it addresses, as apiserver's RequestInfoFactory does:
// /api/v1/namespaces/default/pods/web/log -> group '', version v1, namespace default,
// resource pods, name web, subresource log.
export interface ResourceRequest {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

/** Path segments without empty ones, each percent-decoded (decoding is skipped where there is no %). */
function segments(pathname: string): string[] {
  const out: string[] = [];
  for (const part of pathname.split('/')) if (part) out.push(part.includes('%') ? decodeURIComponent(part) : part);
  return out;
}

/** Subresources of a namespace itself: /namespaces/{ns}/finalize addresses the namespace. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseResourcePath(pathname: string): ResourceRequest | undefined {
  const parts = segments(pathname);
  // Index of the version: /api/{version}/... or /apis/{group}/{version}/...
  let at: number;
  if (parts[0] === 'api') at = 1;
  else if (parts[0] === 'apis') at = 2;
  else return undefined;
  if (parts.length < at + 2) return undefined;
  const group = at === 2 ? parts[1]! : '';
  const version = parts[at]!;
  let i = at + 1;
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... addresses namespaced resources; /namespaces/{ns} alone (or
  // with a subresource such as /finalize or /status) addresses the namespace object itself.
  if (parts[i] === 'namespaces' && parts.length >= i + 3 && !NAMESPACE_SUBRESOURCES.has(parts[i + 2]!)) {
    namespace = parts[i + 1];
    i += 2;
  }
  const resource = parts[i];
  if (!resource || parts.length > i + 3) return undefined;
  return { group, version, namespace, resource, name: parts[i + 1], subresource: parts[i + 2] };
}
