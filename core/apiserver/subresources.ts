// The subresources served by handlers of their own (status and scale are generic).
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from './api-server';
import { handleBinding, handleEviction } from './handlers/pod-subresources';
import { tokenRequestHandler } from './handlers/token-request';
import type { WriteRequest } from './handlers/write';
import type { Kube } from './object';
import type { TokenKeys } from './service-account-tokens';
import { ApiError, badRequest } from './status';

/** Streams from a pod's node: answered by the node's kubelet, which arrives with nodes. */
function podStream(w: WriteRequest): void {
  const pod = w.store.get(w.namespace, w.name!).object as Kube<Pod>;
  if (!pod.spec?.nodeName) throw badRequest(`pod ${w.name} does not have a host assigned`);
  throw new ApiError(503, 'ServiceUnavailable', `no kubelet is serving node "${pod.spec.nodeName}"`);
}

export function registerSubresources(api: ApiServer, tokenKeys: TokenKeys): void {
  api.handleSubresource('pods', 'binding', handleBinding);
  api.handleSubresource('pods', 'eviction', handleEviction);
  for (const s of ['log', 'exec', 'attach', 'portforward', 'proxy']) api.handleSubresource('pods', s, podStream);
  api.handleSubresource('serviceaccounts', 'token', tokenRequestHandler(tokenKeys));
}
