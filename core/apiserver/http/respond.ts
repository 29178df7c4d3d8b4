import type { ServerResponse } from 'node:http';
import { ApiError, internalError, type Status } from '../status';

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  sendRaw(res, code, typeof body === 'string' ? body : JSON.stringify(body), contentType);
}

export function sendRaw(res: ServerResponse, code: number, text: string, contentType = 'application/json'): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  // A Content-Length lets Node send head and body in one write (chunked framing costs a
  // second TLS record per response).
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function errorStatus(e: unknown): Status {
  if (e instanceof ApiError) return e.toStatus();
  return internalError(e instanceof Error ? e.message : String(e)).toStatus();
}

export function sendError(res: ServerResponse, e: unknown): void {
  const status = errorStatus(e);
  if (status.code === 500) console.error('wheelhouse apiserver: internal error:', e);
  sendJson(res, status.code, status);
}
