// Authentication: bearer tokens only, anonymous off. Static tokens (the admin token written to
// the kubeconfig) and service account tokens (JWTs signed by the cluster's key).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { UserInfo } from '../registry/generic/resource-store';

export type TokenVerifier = (token: string) => Promise<UserInfo | undefined>;

export class Authenticator {
  /** As bytes, for crypto.timingSafeEqual: the token of each request is converted once. */
  private readonly staticTokens: Array<{ token: Buffer; user: UserInfo }> = [];
  private readonly verifiers: TokenVerifier[] = [];

  addStaticToken(token: string, user: UserInfo): void {
    this.staticTokens.push({ token: Buffer.from(token), user });
  }

  addVerifier(v: TokenVerifier): void {
    this.verifiers.push(v);
  }

  async authenticate(req: IncomingMessage): Promise<UserInfo | undefined> {
    const header = req.headers.authorization;
    const m = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
    // WebSocket clients that cannot set headers pass the token as a subprotocol, as in Kubernetes.
    const token = m?.[1] ?? bearerFromProtocols(req.headers['sec-websocket-protocol']);
    if (!token) return undefined;
    return this.authenticateToken(token);
  }

  async authenticateToken(token: string): Promise<UserInfo | undefined> {
    const given = Buffer.from(token);
    for (const s of this.staticTokens) if (s.token.length === given.length && timingSafeEqual(s.token, given)) return s.user;
    for (const v of this.verifiers) {
      const user = await v(token);
      if (user) return user;
    }
    return undefined;
  }
}

function bearerFromProtocols(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const prefix = 'base64url.bearer.authorization.k8s.io.';
  for (const p of (value ?? '').split(',').map((s) => s.trim())) {
    if (p.startsWith(prefix)) return Buffer.from(p.slice(prefix.length), 'base64url').toString('utf8');
  }
  return undefined;
}
