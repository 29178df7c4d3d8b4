// Authentication: bearer tokens only, anonymous off. Static tokens (the admin token written to
// the kubeconfig) and service account tokens (JWTs signed by the cluster's key).
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { UserInfo } from '../registry/generic/resource-store';

export type TokenVerifier = (token: string) => Promise<UserInfo | undefined>;

export class Authenticator {
  private readonly staticTokens = new Map<string, UserInfo>();
  private readonly verifiers: TokenVerifier[] = [];

  addStaticToken(token: string, user: UserInfo): void {
    this.staticTokens.set(token, user);
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
    for (const [t, user] of this.staticTokens) if (safeEqual(t, token)) return user;
    for (const v of this.verifiers) {
      const user = await v(token);
      if (user) return user;
    }
    return undefined;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearerFromProtocols(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const prefix = 'base64url.bearer.authorization.k8s.io.';
  for (const p of (value ?? '').split(',').map((s) => s.trim())) {
    if (p.startsWith(prefix)) return Buffer.from(p.slice(prefix.length), 'base64url').toString('utf8');
  }
  return undefined;
}
