import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Authenticator } from './authn';

const admin = { username: 'admin', groups: ['system:masters'] };
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('Authenticator', () => {
  const authn = new Authenticator();
  authn.addStaticToken('secret-token', admin);
  authn.addVerifier(async (t) => (t === 'sa-jwt' ? { username: 'system:serviceaccount:default:x', groups: [] } : undefined));

  it('knows a static token, from the Authorization header or a WebSocket subprotocol', async () => {
    expect(await authn.authenticate(request({ authorization: 'Bearer secret-token' }))).toEqual(admin);
    const protocol = `base64url.bearer.authorization.k8s.io.${Buffer.from('secret-token').toString('base64url')}`;
    expect(await authn.authenticate(request({ 'sec-websocket-protocol': `v4.channel.k8s.io, ${protocol}` }))).toEqual(admin);
  });

  it('refuses wrong tokens of any length, and no token at all', async () => {
    for (const token of ['secret-tokeN', 'secret', 'secret-token-longer', 'x']) {
      expect(await authn.authenticate(request({ authorization: `Bearer ${token}` }))).toBeUndefined();
    }
    expect(await authn.authenticate(request({}))).toBeUndefined();
    expect(await authn.authenticate(request({ authorization: 'Basic c2VjcmV0' }))).toBeUndefined();
  });

  it('asks the verifiers for tokens that are not static', async () => {
    expect((await authn.authenticate(request({ authorization: 'Bearer sa-jwt' })))?.username).toBe('system:serviceaccount:default:x');
  });
});
