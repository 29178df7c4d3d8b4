// GET /openapi/v2 as kube-openapi's handler answers it: the Accept header picks JSON or the
// gnostic protobuf (kubectl asks for the older "@v1.0" name and gets the current one back),
// 406 when neither is acceptable, and ETag / Last-Modified with 304 for a client that has it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenApiService } from './openapi-service';

const PROTOBUF = 'com.github.proto-openapi.spec.v2.v1.0+protobuf';
const PROTOBUF_DEPRECATED = 'com.github.proto-openapi.spec.v2@v1.0+protobuf';
const OFFERED = ['json', PROTOBUF_DEPRECATED, PROTOBUF];

interface Clause {
  type: string;
  subType: string;
  q: number;
}

/**
 * Accept clauses as goautoneg parses them: a range is "type/subtype" or a bare "*" (any other
 * range, "application" say, is skipped), ordered by q, then concrete before wildcard.
 */
function acceptClauses(accept: string): Clause[] {
  const clauses: Clause[] = [];
  for (const part of accept.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    const [type = '', subType, ...more] = (range ?? '').split('/').map((s) => s.trim());
    if (more.length || (subType === undefined && type !== '*')) continue;
    let q = 1;
    for (const p of params) {
      const [token, value] = p.split('=', 2);
      // Go's ParseFloat error leaves q at 0, and the clause still counts.
      if (token?.trim() === 'q' && value !== undefined) q = Number(value) || 0;
    }
    clauses.push({ type, subType: subType ?? '*', q });
  }
  const wild = (s: string) => (s === '*' ? 1 : 0);
  return clauses.sort((a, b) => b.q - a.q || wild(a.type) - wild(b.type) || wild(a.subType) - wild(b.subType));
}

/** The subtype to answer with, or undefined when nothing offered is acceptable. */
export function negotiateOpenAPIV2(accept: string | undefined): 'json' | 'protobuf' | undefined {
  for (const c of acceptClauses(accept || '*/*')) {
    if (c.type !== 'application' && c.type !== '*') continue;
    const offered = OFFERED.find((s) => c.subType === s || c.subType === '*');
    if (offered) return offered === 'json' ? 'json' : 'protobuf';
  }
  return undefined;
}

/** If-None-Match holds the entity tag (weak comparison, or "*"). */
function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export function serveOpenAPIV2(req: IncomingMessage, res: ServerResponse, openapi: OpenApiService): void {
  res.setHeader('Vary', 'Accept');
  const format = negotiateOpenAPIV2(req.headers.accept);
  if (!format) {
    res.writeHead(406).end();
    return;
  }
  const doc = openapi.openAPIV2();
  const etag = `"${doc.etag}"`;
  res.setHeader('Etag', etag);
  res.setHeader('Last-Modified', doc.lastModified.toUTCString());
  res.setHeader('Cache-Control', 'no-cache, private');
  if (notModified(req, etag, doc.lastModified)) {
    // As Go's http.ServeContent: with an ETag, a 304 leaves Last-Modified out.
    res.removeHeader('Last-Modified');
    res.writeHead(304).end();
    return;
  }
  const body = format === 'json' ? doc.json : doc.protobuf();
  res.writeHead(200, { 'Content-Type': `application/${format === 'json' ? 'json' : PROTOBUF}`, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
