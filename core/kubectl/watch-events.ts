// The events of a watch answer: the API server streams one JSON object per line
// ({"type":"ADDED","object":{...}}), in chunks that may split a line anywhere.
import type { IncomingMessage } from 'node:http';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T> {
  type: WatchEventType;
  object: T;
}

/**
 * Each event as it arrives, until the server ends the stream; leaving the loop early closes
 * the connection. A connection that breaks off (a timeout) throws, as reading a body does.
 */
export async function* watchEvents<T>(res: IncomingMessage): AsyncGenerator<WatchEvent<T>> {
  let buffered = '';
  try {
    for await (const chunk of res) {
      buffered += (chunk as Buffer).toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) yield JSON.parse(line) as WatchEvent<T>;
      }
    }
  } finally {
    res.destroy();
  }
}
