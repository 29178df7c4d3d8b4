// Pod log streams for one bridge session: GET pods/<pod>/log upstream, lines relayed as
// logs:chunk frames with flow control (one frame in flight until the renderer acks it; while
// it waits LogFrames keeps the newest lines and counts what it dropped), and logs:end when the
// server ends the stream, with the server's own message when it refused (a waiting container,
// no previous instance, a wrong container name).
import type { IncomingMessage } from 'node:http';
import type { EventChannels, LogStreamStart } from '../bridge/contract';
import { apiPathAndQuery } from './kube-proxy';
import type { KubeTarget } from './kube-target';
import { LogFrames } from './log-frames';
import { UpstreamStreams, type UpstreamStream } from './upstream-streams';

type Emit = <E extends 'logs:chunk' | 'logs:end'>(channel: E, payload: EventChannels[E]) => void;

interface Stream extends UpstreamStream {
  frames: LogFrames;
  inFlight: boolean;
  ended: boolean;
}

/** The query of a pods/log request, checked: what PodLogOptions the renderer may set. */
export function logQuery(start: LogStreamStart): Record<string, string> {
  const query: Record<string, string> = { container: requireName(start.container, 'container') };
  for (const flag of ['follow', 'previous', 'timestamps'] as const) {
    if (start[flag] !== undefined && typeof start[flag] !== 'boolean') throw new Error(`log stream ${flag} must be a boolean`);
    if (start[flag]) query[flag] = 'true';
  }
  for (const count of ['tailLines', 'sinceSeconds'] as const) {
    const v = start[count];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 0) throw new Error(`log stream ${count} must be a whole number, not ${String(v)}`);
    query[count] = String(v);
  }
  return query;
}

function requireName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value) throw new Error(`log stream needs a ${what}`);
  return value;
}

export class LogRelay {
  private readonly streams = new UpstreamStreams<Stream>();

  constructor(
    private readonly target: () => KubeTarget,
    private readonly emit: Emit,
  ) {}

  open(start: LogStreamStart): void {
    const id = requireName(start.id, 'id');
    const path = `/api/v1/namespaces/${encodeURIComponent(requireName(start.namespace, 'namespace'))}/pods/${encodeURIComponent(requireName(start.pod, 'pod'))}/log`;
    const pathAndQuery = apiPathAndQuery(path, logQuery(start));
    const stream: Stream = { id, frames: new LogFrames(), inFlight: false, ended: false, stopped: false };
    this.streams.add(stream);
    void this.read(stream, pathAndQuery);
  }

  /** The renderer has shown the last frame: send the next, or the end. */
  ack(id: string): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    stream.inFlight = false;
    this.pump(stream);
  }

  close(id: string): void {
    this.streams.stop(id);
  }

  dispose(): void {
    for (const stream of this.streams.all()) this.close(stream.id);
  }

  /** Ends every stream, telling the renderer why (e.g. the cluster went away). */
  closeAll(reason: string): void {
    for (const stream of this.streams.all()) this.fail(stream, reason);
  }

  private async read(stream: Stream, pathAndQuery: string): Promise<void> {
    let res: IncomingMessage;
    try {
      const req = await this.target().request('GET', pathAndQuery, { Accept: '*/*' });
      stream.request = req;
      res = await new Promise<IncomingMessage>((resolve, reject) => {
        req.once('response', resolve);
        req.once('error', reject);
        req.end();
      });
    } catch (err) {
      return this.fail(stream, `could not read the log: ${(err as Error).message}`);
    }
    res.setEncoding('utf8');
    if (res.statusCode !== 200) {
      let body = '';
      for await (const chunk of res) body += chunk as string;
      return this.fail(stream, statusMessage(body, res.statusCode));
    }
    try {
      for await (const chunk of res) {
        if (stream.stopped) return;
        stream.frames.push(chunk as string);
        this.pump(stream);
      }
    } catch (err) {
      if (!stream.stopped) return this.fail(stream, `the log stream broke: ${(err as Error).message}`);
    }
    stream.frames.end();
    stream.ended = true;
    this.pump(stream);
  }

  private pump(stream: Stream): void {
    if (stream.stopped || stream.inFlight) return;
    if (stream.frames.pending) {
      stream.inFlight = true;
      this.emit('logs:chunk', { id: stream.id, ...stream.frames.take() });
    } else if (stream.ended) {
      this.streams.forget(stream.id);
      this.emit('logs:end', { id: stream.id });
    }
  }

  private fail(stream: Stream, error: string): void {
    if (stream.stopped) return;
    this.close(stream.id);
    this.emit('logs:end', { id: stream.id, error });
  }
}

/** The message of a Status body, else the body itself, else the HTTP code. */
function statusMessage(body: string, code: number | undefined): string {
  try {
    const status = JSON.parse(body) as { message?: unknown };
    if (typeof status.message === 'string' && status.message) return status.message;
  } catch {
    // not JSON: the text is the message
  }
  return body.trim() || `the server answered ${code ?? 'nothing'}`;
}
