import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { watchEvents } from './watch-events';

describe('watchEvents', () => {
  it('reads one event per line, whatever the chunks', async () => {
    const body = new PassThrough();
    const seen: string[] = [];
    const done = (async () => {
      for await (const e of watchEvents<{ n: number }>(body as unknown as IncomingMessage)) seen.push(`${e.type} ${e.object.n}`);
    })();
    body.write('{"type":"ADDED","obj');
    body.write('ect":{"n":1}}\n{"type":"MODIFIED","object":{"n":2}}\n\n{"type":"DEL');
    body.end('ETED","object":{"n":3}}\n');
    await done;
    expect(seen).toEqual(['ADDED 1', 'MODIFIED 2', 'DELETED 3']);
  });
});
