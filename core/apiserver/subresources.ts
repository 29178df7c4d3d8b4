// Routes the subresources served by handlers of their own (status and scale are generic) and
// the create-only bindings collection to their handlers; the kinds' logic is in registry/.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from './api-server';
import { handleBinding, handleBindingsCollection, handleEviction } from './handlers/pod-subresources';
import { fieldManagerOf } from './handlers/options';
import { BINDINGS } from '../registry/pods/binding';
import { tokenRequestHandler } from './handlers/token-request';
import { podLogHandler, type LogSource } from './handlers/pod-logs';
import type { WriteRequest } from './handlers/write';
import type { Kube } from '../machinery/object';
import { tokenIssuer, type TokenKeys } from './service-account-tokens';
import { ApiError, badRequest } from '../machinery/status';
import { requestTarget } from './http/request-target';

/** Streams from a pod's node: answered by the node's kubelet, which arrives with nodes. */
function podStream(w: WriteRequest): void {
  const pod = w.store.get(w.namespace, w.name!).object as Kube<Pod>;
  if (!pod.spec?.nodeName) throw badRequest(`pod ${w.name} does not have a host assigned`);
  throw new ApiError(503, 'ServiceUnavailable', `no kubelet is serving node "${pod.spec.nodeName}"`);
}

export function registerSubresources(api: ApiServer, tokenKeys: TokenKeys, logs: () => LogSource | undefined): void {
  api.handleSubresource('pods', 'binding', handleBinding);
  api.handleSubresource('pods', 'eviction', handleEviction);
  api.handleSubresource('pods', 'log', podLogHandler(logs));
  for (const s of ['exec', 'attach', 'portforward', 'proxy']) api.handleSubresource('pods', s, podStream);
  api.handleSubresource('serviceaccounts', 'token', tokenRequestHandler(tokenIssuer(tokenKeys)));
  api.registerVirtual(BINDINGS, (req, res, user, target) =>
    handleBindingsCollection(api.registry.storeFor('', 'pods')!, req, res, target.namespace!, { user, fieldManager: fieldManagerOf(req, requestTarget(req.url).query) }),
  );
}
