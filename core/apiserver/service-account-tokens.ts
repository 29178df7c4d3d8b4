// Service account tokens: JWTs signed with the cluster's key (ES256), issued through
// serviceaccounts/<name>/token (TokenRequest: the registry's, handed this issuer) and accepted by
// the authenticator while the service account they name still exists with the same uid.
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { UserInfo } from '../registry/generic/resource-store';
import type { IssuedToken, TokenIssuer, TokenSubject } from '../registry/serviceaccounts/token';
import { metaTime } from '../machinery/meta-time';
import { writePrivateFile } from '../machinery/private-files';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const DEFAULT_AUDIENCE = ISSUER;
const ALG = 'ES256';

export interface TokenKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** Loads the signing key pair from keyFile/pubFile, creating them on first start. */
export async function loadTokenKeys(keyFile: string, pubFile: string): Promise<TokenKeys> {
  if (!existsSync(keyFile) || !existsSync(pubFile)) {
    const pair = await generateKeyPair(ALG, { extractable: true });
    writePrivateFile(keyFile, await exportPKCS8(pair.privateKey));
    writePrivateFile(pubFile, await exportSPKI(pair.publicKey));
  }
  return {
    privateKey: await importPKCS8(readFileSync(keyFile, 'utf8'), ALG),
    publicKey: await importSPKI(readFileSync(pubFile, 'utf8'), ALG),
  };
}

async function issueToken(keys: TokenKeys, sa: TokenSubject, audiences: string[], expirationSeconds: number): Promise<IssuedToken> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + expirationSeconds;
  const token = await new SignJWT({
    'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid: sa.uid } },
  })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(`system:serviceaccount:${sa.namespace}:${sa.name}`)
    .setAudience(audiences)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(keys.privateKey);
  return { token, expirationTimestamp: metaTime(new Date(exp * 1000)) };
}

/** The TokenRequest subresource's issuer: tokens signed with keys, for the API server's own audience unless asked otherwise. */
export function tokenIssuer(keys: TokenKeys): TokenIssuer {
  return { audiences: [DEFAULT_AUDIENCE], issue: (sa, audiences, expirationSeconds) => issueToken(keys, sa, audiences, expirationSeconds) };
}

/**
 * A verifier for the Authenticator: valid signature, issuer and audience, and a service account
 * that still exists with the uid the token names (a deleted account's tokens stop working).
 */
export function serviceAccountTokenVerifier(keys: TokenKeys, lookupUid: (namespace: string, name: string) => string | undefined) {
  return async (token: string): Promise<UserInfo | undefined> => {
    if (token.split('.').length !== 3) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys.publicKey, { issuer: ISSUER, audience: DEFAULT_AUDIENCE });
      const k = payload['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
      const ns = k?.namespace;
      const name = k?.serviceaccount?.name;
      if (!ns || !name || lookupUid(ns, name) !== k.serviceaccount?.uid) return undefined;
      return {
        username: `system:serviceaccount:${ns}:${name}`,
        uid: k.serviceaccount?.uid,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
      };
    } catch {
      return undefined;
    }
  };
}
