import { describe, expect, it } from 'vitest';
import type { TokenRequest } from 'kubernetes-types/authentication/v1';
import { ApiError } from '../../machinery/status';
import { memoryRegistry, TEST_USER } from '../../../test/support/memory-registry';
import { requestToken, type TokenIssuer, type TokenSubject } from './token';

/** Signs nothing: a token that says what it was asked for. */
const issuer: TokenIssuer = {
  audiences: ['https://kubernetes.default.svc.cluster.local'],
  issue: async (sa: TokenSubject, audiences, seconds) => ({
    token: `${sa.namespace}/${sa.name}/${sa.uid}|${audiences.join(',')}|${seconds}`,
    expirationTimestamp: 'then',
  }),
};

async function registry() {
  const r = await memoryRegistry('serviceaccounts', 'pods', 'secrets', 'nodes');
  await r.storeFor('', 'serviceaccounts')!.create('ns', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'bot' } }, TEST_USER);
  const spec = { serviceAccountName: 'bot', containers: [{ name: 'c', image: 'nginx' }] };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec };
  await r.storeFor('', 'pods')!.create('ns', pod, TEST_USER);
  return r;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'issued',
    (e: ApiError) => `${e.code} ${e.message}`,
  );

describe('serviceaccounts/token', () => {
  it('issues a token for the account, with the default audience and an hour', async () => {
    const r = await registry();
    const uid = r.storeFor('', 'serviceaccounts')!.get('ns', 'bot').object.metadata.uid;
    expect(await requestToken(r, issuer, 'ns', 'bot', { spec: { audiences: [] } })).toEqual({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: 'bot', namespace: 'ns', creationTimestamp: null },
      spec: { audiences: issuer.audiences, expirationSeconds: 3600, boundObjectRef: null },
      status: { token: `ns/bot/${uid}|https://kubernetes.default.svc.cluster.local|3600`, expirationTimestamp: 'then' },
    });
  });

  it('binds the token to a pod that runs as the account, with its uid', async () => {
    const r = await registry();
    const podUid = r.storeFor('', 'pods')!.get('ns', 'web').object.metadata.uid;
    const ref = { kind: 'Pod', apiVersion: 'v1', name: 'web' };
    const answer = await requestToken(r, issuer, 'ns', 'bot', { spec: { audiences: ['api'], expirationSeconds: 600, boundObjectRef: ref } });
    expect(answer.spec).toEqual({ audiences: ['api'], expirationSeconds: 600, boundObjectRef: { ...ref, uid: podUid } });
  });

  it.each<[string, string, TokenRequest, string]>([
    ['an unknown account', 'nobody', { spec: { audiences: [] } }, '404 serviceaccounts "nobody" not found'],
    [
      'less than ten minutes',
      'bot',
      { spec: { audiences: [], expirationSeconds: 599 } },
      '422 TokenRequest.authentication.k8s.io "bot" is invalid: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes',
    ],
    ['a missing bound pod', 'bot', { spec: { audiences: [], boundObjectRef: { kind: 'Pod', name: 'gone' } } }, '404 pods "gone" not found'],
  ])('refuses %s', async (_n, name, request, expected) => {
    expect(await failure(requestToken(await registry(), issuer, 'ns', name, request))).toBe(expected);
  });
});
