// Web mode's gate. The host listens on loopback only, but any local process or web page could
// still reach it, so every request must carry a secret. The token in the URL printed at start
// works once: the first page load trades it for a separate random session id in an HttpOnly,
// SameSite=Strict cookie, so the URL left in a shell history or a screenshot opens nothing.
// Host and Origin checks stop DNS rebinding and cross-site WebSocket use.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Verdict =
  | { ok: true }
  /** The token came in the URL: redirect to the same URL without it, setting the cookie when the token was just traded. */
  | { ok: 'redirect'; location: string; cookie?: string }
  | { ok: false; status: 401 | 403; message: string };

const FRESH_URL = 'restart Wheelhouse and open the new URL it prints';

export class WebAuth {
  /** Good for one exchange. */
  readonly token = secret();
  private tokenUsed = false;
  private session?: string;
  private port = 0;

  /** Called once the server listens: the cookie name and allowed hosts depend on the port. */
  setPort(port: number): void {
    this.port = port;
  }

  get cookieName(): string {
    // Cookies ignore ports; a name per port keeps two running hosts apart.
    return `wheelhouse-${this.port}`;
  }

  allowedOrigins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  check(req: IncomingMessage, opts: { websocket: boolean }): Verdict {
    const host = req.headers.host ?? '';
    if (!this.allowedOrigins().some((o) => o === `http://${host}`)) {
      return { ok: false, status: 403, message: 'forbidden host' };
    }
    const origin = req.headers.origin;
    if (opts.websocket && (!origin || !this.allowedOrigins().includes(origin))) {
      return { ok: false, status: 403, message: 'forbidden origin' };
    }
    const signedIn = this.session !== undefined && sameSecret(readCookie(req.headers.cookie, this.cookieName), this.session);
    const url = new URL(req.url ?? '/', `http://${host}`);
    const fromUrl = url.searchParams.get('token');
    // The bridge socket is authenticated by the session cookie alone.
    if (fromUrl === null || opts.websocket) {
      if (signedIn) return { ok: true };
      return { ok: false, status: 401, message: `unauthorized: open the sign-in URL Wheelhouse printed at start; it works once, so if it was used already, ${FRESH_URL}` };
    }
    url.searchParams.delete('token');
    const location = url.pathname + url.search;
    const rightToken = sameSecret(fromUrl, this.token);
    if (rightToken && !this.tokenUsed) {
      this.tokenUsed = true;
      this.session = secret();
      return { ok: 'redirect', location, cookie: `${this.cookieName}=${this.session}; Path=/; HttpOnly; SameSite=Strict` };
    }
    // This browser already traded the token: just drop it from the address bar.
    if (signedIn) return { ok: 'redirect', location };
    const why = rightToken ? 'this sign-in URL has already been used' : 'wrong sign-in token';
    return { ok: false, status: 401, message: `unauthorized: ${why}; ${FRESH_URL}` };
  }
}

const secret = () => randomBytes(32).toString('base64url');

/** Constant-time comparison; hashing first makes the lengths equal without revealing the expected one. */
function sameSecret(candidate: string | undefined, expected: string): boolean {
  if (candidate === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(candidate), digest(expected));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
