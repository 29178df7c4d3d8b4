// What a request asks to do, in RBAC's terms (apiserver's RequestInfo): the verb follows the
// method, the presence of a name and the watch parameter.
import type { ResourceRequest } from '../request-info';
import type { RequestAttributes } from './rbac-authorizer';

export function requestAttributes(method: string, path: string, query: URLSearchParams, rr: ResourceRequest | undefined): RequestAttributes {
  if (!rr) return { verb: method.toLowerCase(), resourceRequest: false, path };
  const watch = query.get('watch') === 'true' || query.get('watch') === '1';
  let verb: string;
  switch (method) {
    case 'GET':
    case 'HEAD':
      verb = watch ? 'watch' : rr.name ? 'get' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = rr.name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = method.toLowerCase();
  }
  // A namespace addresses itself: /api/v1/namespaces/foo is in namespace foo.
  const namespace = rr.namespace ?? (rr.group === '' && rr.resource === 'namespaces' ? rr.name : undefined);
  return { verb, resourceRequest: true, apiGroup: rr.group, resource: rr.resource, subresource: rr.subresource, namespace, name: rr.name };
}
