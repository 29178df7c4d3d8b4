import type { ServerResponse } from 'node:http';
import { ApiError, internalError, type Status } from '../../machinery/status';

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

/**
 * Sends a large body in parts, one per event-loop turn, waiting for the socket to drain when
 * it is full: the client reads (and decrypts) one part while the next is encoded, and a slow
 * reader does not make the whole body pile up in memory. Stops if the client goes away.
 */
export async function sendParts(res: ServerResponse, code: number, parts: Iterable<string>, contentType = 'application/json'): Promise<void> {
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private' });
  for (const part of parts) {
    if (res.destroyed) return;
    if (!res.write(part)) await drained(res);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!res.destroyed) res.end();
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
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
