// What a request asks to do, in RBAC's terms (apiserver's RequestInfo): the verb follows the
// method, the presence of a name and the watch parameter.
import type { ResourceRequest } from '../request-info';
import type { RequestAttributes } from './rbac-authorizer';
import type { Verb } from '../../registry/types';

/** The verb of a resource request's method (none for another method): named, the URL names an object; watch, the watch parameter is set. */
export function verbOf(method: string, named: boolean, watch = false): Verb | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
  }
  return undefined;
}

export function requestAttributes(method: string, path: string, query: URLSearchParams, rr: ResourceRequest | undefined): RequestAttributes {
  if (!rr) return { verb: method.toLowerCase(), resourceRequest: false, path };
  const watch = query.get('watch') === 'true' || query.get('watch') === '1';
  const verb = verbOf(method, !!rr.name, watch) ?? method.toLowerCase();
  // A namespace addresses itself: /api/v1/namespaces/foo is in namespace foo.
  const namespace = rr.namespace ?? (rr.group === '' && rr.resource === 'namespaces' ? rr.name : undefined);
  return { verb, resourceRequest: true, apiGroup: rr.group, resource: rr.resource, subresource: rr.subresource, namespace, name: rr.name };
}
