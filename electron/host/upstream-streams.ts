// The open upstream requests of one bridge session's streams (watches, logs), by the id the
// renderer chose: stopping one marks it stopped, so its late callbacks do nothing, and ends its
// request. Each relay keeps its own stream fields beside these.
import type { ClientRequest } from 'node:http';

export interface UpstreamStream {
  id: string;
  request?: ClientRequest;
  stopped: boolean;
}

export class UpstreamStreams<S extends UpstreamStream> {
  private readonly streams = new Map<string, S>();

  /** Adds stream, stopping one of the same id first. */
  add(stream: S): void {
    this.stop(stream.id);
    this.streams.set(stream.id, stream);
  }

  get(id: string): S | undefined {
    return this.streams.get(id);
  }

  /** Forgets a stream that ended by itself (its request is done). */
  forget(id: string): void {
    this.streams.delete(id);
  }

  stop(id: string): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    stream.stopped = true;
    stream.request?.destroy();
    this.streams.delete(id);
  }

  /** Every stream still open, as a copy (stopping them while iterating is fine). */
  all(): S[] {
    return [...this.streams.values()];
  }
}
