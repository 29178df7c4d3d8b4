// serviceaccounts/token (TokenREST): a TokenRequest, as `kubectl create token` sends it, answered
// with a token for the service account, bound to an object when the request names one.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { TokenRequest } from 'kubernetes-types/authentication/v1';
import type { Kube } from '../../machinery/object';
import { invalid } from '../../machinery/status';
import type { Registry } from '../registry';
import { boundObjectUid } from './bound-object';

const MIN_EXPIRATION = 600;
const DEFAULT_EXPIRATION = 3600;

export interface TokenSubject {
  namespace: string;
  name: string;
  uid: string;
}

export interface IssuedToken {
  token: string;
  expirationTimestamp: string;
}

/** Signs tokens: the API server holds the keys (Kubernetes hands TokenREST a TokenGenerator and its audiences). */
export interface TokenIssuer {
  /** The audiences of a request that names none. */
  audiences: string[];
  issue(sa: TokenSubject, audiences: string[], expirationSeconds: number): Promise<IssuedToken>;
}

/** Issues a token for the service account namespace/name; the registry finds it and the bound object. */
export async function requestToken(
  registry: Registry,
  issuer: TokenIssuer,
  namespace: string,
  name: string,
  request: TokenRequest,
): Promise<TokenRequest> {
  const sa = registry.storeFor('', 'serviceaccounts')!.get(namespace, name).object as Kube<ServiceAccount>;
  const expirationSeconds = request.spec?.expirationSeconds ?? DEFAULT_EXPIRATION;
  if (expirationSeconds < MIN_EXPIRATION) {
    throw invalid('TokenRequest', 'authentication.k8s.io', name, [
      { type: 'FieldValueInvalid', field: 'spec.expirationSeconds', value: expirationSeconds, detail: 'may not specify a duration less than 10 minutes' },
    ]);
  }
  const ref = request.spec?.boundObjectRef;
  const lookup = (plural: string, ns: string | undefined, n: string) =>
    registry.storeFor('', plural)!.get(ns, n).object as Kube<{ spec?: { serviceAccountName?: string } }>;
  const boundUid = ref ? boundObjectUid(ref, name, namespace, lookup) : undefined;
  const audiences = request.spec?.audiences?.length ? request.spec.audiences : issuer.audiences;
  const issued = await issuer.issue({ namespace, name, uid: sa.metadata.uid! }, audiences, expirationSeconds);
  // Unset creationTimestamp and boundObjectRef are null, as Go's encoder writes them.
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null as unknown as undefined },
    spec: { audiences, expirationSeconds, boundObjectRef: ref ? { ...ref, uid: boundUid } : (null as unknown as undefined) },
    status: issued,
  };
}
