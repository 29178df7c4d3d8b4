// HTTP for serviceaccounts/<name>/token: decode the TokenRequest, have the registry issue the
// token, answer 201 with it.
import type { TokenRequest } from 'kubernetes-types/authentication/v1';
import type { ApiServer } from '../api-server';
import { readObjectBody } from '../http/body';
import { sendJson } from '../http/respond';
import { requestToken, type TokenIssuer } from '../../registry/serviceaccounts/token';
import type { WriteRequest } from './write';

export function tokenRequestHandler(issuer: TokenIssuer) {
  return async (w: WriteRequest, api: ApiServer): Promise<void> => {
    const body = (await readObjectBody(w.req)) as unknown as TokenRequest;
    sendJson(w.res, 201, await requestToken(api.registry, issuer, w.namespace!, w.name!, body));
  };
}
