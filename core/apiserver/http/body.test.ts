import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../machinery/status';
import { readBody } from './body';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves one request whose body readBody reads; resolves with what readBody gave. */
function serveOne(limit?: number): Promise<{ port: number; result: Promise<Buffer> }> {
  let resolveResult!: (p: Promise<Buffer>) => void;
  const result = new Promise<Promise<Buffer>>((r) => (resolveResult = r));
  server = createServer((req, res) => {
    const read = readBody(req, limit);
    resolveResult(read);
    read.then(
      () => res.end('ok'),
      () => res.destroy(),
    );
  });
  return new Promise((done) =>
    server!.listen(0, '127.0.0.1', () => done({ port: (server!.address() as AddressInfo).port, result: result.then((p) => p) })),
  );
}

describe('readBody', () => {
  it('returns the whole body, in however many chunks it came', async () => {
    const { port, result } = await serveOne();
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'Content-Length': 10 } });
    req.on('error', () => undefined);
    req.write('hello');
    req.end('world');
    expect((await result).toString()).toBe('helloworld');
  });

  it('fails with 400 when the client goes away before the body is complete', async () => {
    const { port, result } = await serveOne();
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'Content-Length': 100 } });
    req.on('error', () => undefined);
    req.write('only part of it', () => req.destroy());
    const err = await result.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(400);
    expect((err as ApiError).message).toBe('the request body was cut short');
  });

  it('fails with 413 once the body passes the limit', async () => {
    const { port, result } = await serveOne(8);
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } });
    req.on('error', () => undefined);
    req.end('more than eight bytes');
    const err = await result.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as ApiError).code).toBe(413);
  });
});
