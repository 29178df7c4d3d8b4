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

export function parseResourcePath(pathname: string): ResourceRequest | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 3) return undefined;
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis') {
    if (parts.length < 4) return undefined;
    group = parts[1]!;
    rest = parts.slice(2);
  } else {
    return undefined;
  }
  const version = rest[0]!;
  let tail = rest.slice(1);
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... addresses namespaced resources; /namespaces/{ns} alone (or
  // with a subresource such as /finalize or /status) addresses the namespace object itself.
  if (tail[0] === 'namespaces' && tail.length >= 3 && !['status', 'finalize'].includes(tail[2]!)) {
    namespace = tail[1];
    tail = tail.slice(2);
  }
  const [resource, name, subresource, ...extra] = tail;
  if (!resource || extra.length > 0) return undefined;
  return { group, version, namespace, resource, name, subresource };
}
