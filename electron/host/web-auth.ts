// Web mode's gate. The host listens on loopback only, but any local process or web page could
// still reach it, so every request must carry the per-start token: once in the URL printed to
// the console, then in an HttpOnly, SameSite=Strict cookie. Host and Origin checks stop DNS
// rebinding and cross-site WebSocket use.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Verdict =
  | { ok: true }
  /** The token came in the URL: set the cookie and redirect to the same URL without it. */
  | { ok: 'redirect'; location: string; cookie: string }
  | { ok: false; status: 401 | 403; message: string };

export class WebAuth {
  readonly token = randomBytes(32).toString('base64url');
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
    const url = new URL(req.url ?? '/', `http://${host}`);
    const fromUrl = url.searchParams.get('token');
    if (fromUrl !== null && !opts.websocket && this.matches(fromUrl)) {
      url.searchParams.delete('token');
      return {
        ok: 'redirect',
        location: url.pathname + url.search,
        cookie: `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict`,
      };
    }
    const fromCookie = readCookie(req.headers.cookie, this.cookieName);
    if (fromCookie !== undefined && this.matches(fromCookie)) return { ok: true };
    return { ok: false, status: 401, message: 'unauthorized: open the URL with the token printed by wheelhouse' };
  }

  private matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
