// serviceaccounts/<name>/token: TokenRequest, as `kubectl create token` sends it.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { TokenRequest } from 'kubernetes-types/authentication/v1';
import { decodeBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/respond';
import type { Kube } from '../../machinery/object';
import { DEFAULT_AUDIENCE, issueToken, type TokenKeys } from '../service-account-tokens';
import { ApiError, invalid } from '../../machinery/status';
import type { ResourceStore } from '../../registry/generic/resource-store';
import { boundObjectUid } from './token-bound-object';
import type { WriteRequest } from './write';

const MIN_EXPIRATION = 600;
const DEFAULT_EXPIRATION = 3600;

/** `stores` finds the core stores a bound object may live in. */
export function tokenRequestHandler(keys: TokenKeys, stores: (plural: string) => ResourceStore | undefined) {
  return async (w: WriteRequest): Promise<void> => {
    if (w.req.method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const body = requireObject(decodeBody(await readBody(w.req), w.req.headers['content-type'])) as unknown as TokenRequest;
    const sa = w.store.get(w.namespace, w.name!).object as Kube<ServiceAccount>;
    const expirationSeconds = body.spec?.expirationSeconds ?? DEFAULT_EXPIRATION;
    if (expirationSeconds < MIN_EXPIRATION) {
      throw invalid('TokenRequest', 'authentication.k8s.io', w.name!, [
        { type: 'FieldValueInvalid', field: 'spec.expirationSeconds', value: expirationSeconds, detail: 'may not specify a duration less than 10 minutes' },
      ]);
    }
    const ref = body.spec?.boundObjectRef;
    const boundUid = ref
      ? boundObjectUid(ref, w.name!, w.namespace!, (plural, namespace, name) => stores(plural)!.get(namespace, name).object as Kube<{ spec?: { serviceAccountName?: string } }>)
      : undefined;
    const audiences = body.spec?.audiences?.length ? body.spec.audiences : [DEFAULT_AUDIENCE];
    const issued = await issueToken(keys, { namespace: w.namespace!, name: w.name!, uid: sa.metadata.uid! }, audiences, expirationSeconds);
    sendJson(w.res, 201, {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: w.name, namespace: w.namespace, creationTimestamp: null },
      spec: { audiences, expirationSeconds, boundObjectRef: ref ? { ...ref, uid: boundUid } : null },
      status: issued,
    });
  };
}
