// Watch streams for one bridge session. The renderer lists, then asks for a watch from the
// list's resourceVersion; the relay opens it upstream and forwards each event. A stream the
// server ends normally (its watch timeout) is resumed from the last resourceVersion seen; an
// ERROR event (410 Expired included) is forwarded and ends the stream, so the renderer re-lists.
// One stream per watch id: two views may watch the same collection (a list and a dialog), and
// each gets every event; the renderer stops the watches of the views it closes.
import type { IncomingMessage } from 'node:http';
import type { EventChannels, WatchEvent, WatchStart } from '../bridge/contract';
import { apiPathAndQuery } from './kube-proxy';
import { UpstreamStreams, type UpstreamStream } from './upstream-streams';
import type { KubeTarget } from './kube-target';

type Emit = <E extends 'kube:watch-event' | 'kube:watch-closed'>(channel: E, payload: EventChannels[E]) => void;

interface Stream extends UpstreamStream {
  start: WatchStart;
  resourceVersion: string;
}

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);
/** A stream that ends sooner than this after opening is retried after this long, not at once. */
const QUICK_END_MS = 1000;

export class WatchRelay {
  private readonly streams = new UpstreamStreams<Stream>();

  constructor(
    private readonly target: () => KubeTarget,
    private readonly emit: Emit,
  ) {}

  start(start: WatchStart): void {
    if (typeof start.id !== 'string' || !start.id) throw new Error('watch needs an id');
    if (typeof start.resourceVersion !== 'string') throw new Error('watch needs the list resourceVersion');
    const stream: Stream = { id: start.id, start, resourceVersion: start.resourceVersion, stopped: false };
    this.streams.add(stream);
    void this.open(stream);
  }

  stop(id: string): void {
    this.streams.stop(id);
  }

  /** Ends every stream without a word: the session is gone. */
  dispose(): void {
    for (const { id } of this.streams.all()) this.stop(id);
  }

  /** Ends every stream, telling the renderer why (e.g. the cluster changed). */
  closeAll(reason: string): void {
    for (const { id } of this.streams.all()) {
      this.stop(id);
      this.emit('kube:watch-closed', { id, reason });
    }
  }

  private async open(stream: Stream): Promise<void> {
    const opened = Date.now();
    const query = { ...stream.start.query, watch: 'true', allowWatchBookmarks: 'true', resourceVersion: stream.resourceVersion };
    let res: IncomingMessage;
    try {
      const req = await this.target().request('GET', apiPathAndQuery(stream.start.path, query), {
        Accept: stream.start.accept ?? 'application/json',
      });
      stream.request = req;
      res = await new Promise<IncomingMessage>((resolve, reject) => {
        req.once('response', resolve);
        req.once('error', reject);
        req.end();
      });
    } catch (err) {
      return this.fail(stream, `watch failed: ${(err as Error).message}`);
    }
    if (res.statusCode !== 200) {
      // An HTTP error before the stream starts (e.g. 410 from an old server) is passed on as
      // the ERROR event a client would see from a newer one.
      const body = await readAll(res);
      const object = safeJson(body) ?? { kind: 'Status', code: res.statusCode, message: body };
      this.emit('kube:watch-event', { id: stream.id, type: 'ERROR', object });
      return this.fail(stream, `watch answered ${res.statusCode}`);
    }
    let ended = false;
    try {
      for await (const event of ndjson(res)) {
        if (stream.stopped) return;
        const type = (event as { type?: unknown }).type;
        if (typeof type !== 'string' || !EVENT_TYPES.has(type)) continue;
        const object = (event as { object?: unknown }).object;
        this.emit('kube:watch-event', { id: stream.id, type: type as WatchEvent['type'], object });
        if (type === 'ERROR') return this.fail(stream, 'watch error');
        const rv = resourceVersionOf(object);
        if (rv) stream.resourceVersion = rv;
      }
      ended = true;
    } catch (err) {
      if (!stream.stopped) return this.fail(stream, `watch stream broke: ${(err as Error).message}`);
    }
    if (stream.stopped || !ended) return;
    const delay = Date.now() - opened < QUICK_END_MS ? QUICK_END_MS : 0;
    setTimeout(() => {
      if (!stream.stopped) void this.open(stream);
    }, delay);
  }

  private fail(stream: Stream, reason: string): void {
    if (stream.stopped) return;
    this.stop(stream.id);
    this.emit('kube:watch-closed', { id: stream.id, reason });
  }
}

/** The resourceVersion an event carries: the object's own, or a Table row's object's. */
export function resourceVersionOf(object: unknown): string | undefined {
  const o = object as { metadata?: { resourceVersion?: unknown }; rows?: { object?: { metadata?: { resourceVersion?: unknown } } }[] };
  const rv = o?.rows?.[0]?.object?.metadata?.resourceVersion ?? o?.metadata?.resourceVersion;
  return typeof rv === 'string' && rv !== '' ? rv : undefined;
}

async function* ndjson(res: IncomingMessage): AsyncGenerator<unknown> {
  let buffer = '';
  res.setEncoding('utf8');
  for await (const chunk of res) {
    buffer += chunk as string;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line);
    }
  }
  if (buffer.trim()) yield JSON.parse(buffer);
}

async function readAll(res: IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += chunk as string;
  return text;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
