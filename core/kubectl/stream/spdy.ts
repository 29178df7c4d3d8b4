// SPDY/3.1 framing as Kubernetes' port forwarding speaks it (moby/spdystream, tunneled inside
// WebSocket binary messages since kubectl 1.31): a session of numbered streams opened by
// SYN_STREAM with a header block that is zlib-compressed against SPDY's dictionary (one
// compression context per direction for the whole session, each block sync-flushed), data
// frames with a FIN flag for a half close, RST_STREAM, PING echoes and GOAWAY. spdystream does
// no flow control, so neither does this.
import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';

const VERSION = 3;
const SYN_STREAM = 1;
const SYN_REPLY = 2;
const RST_STREAM = 3;
const PING = 6;
const GOAWAY = 7;
const FLAG_FIN = 1;
/** RST_STREAM's CANCEL status, what spdystream's Reset sends. */
const CANCEL = 5;
const MAX_DATA = 0xffffff;

const DICTIONARY_NAMES = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow',
  'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5',
  'content-range', 'content-type', 'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer', 'retry-after',
  'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate', 'method', 'get', 'status', '200 OK',
  'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
];
const DICTIONARY_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-Authoritative Information204 No Content' +
  '301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable' +
  'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,' +
  'application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/** The SPDY/3 header compression dictionary: length-prefixed common names, then common values. */
export const SPDY_DICTIONARY = Buffer.concat([...DICTIONARY_NAMES.map((n) => lengthPrefixed(Buffer.from(n))), Buffer.from(DICTIONARY_TAIL)]);

function lengthPrefixed(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

export type SpdyHeaders = Record<string, string>;

/** An uncompressed header block: the pair count, then each lowercased name and value, length-prefixed. */
export function encodeHeaderBlock(headers: SpdyHeaders): Buffer {
  const entries = Object.entries(headers);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(entries.length);
  return Buffer.concat([count, ...entries.flatMap(([k, v]) => [lengthPrefixed(Buffer.from(k.toLowerCase())), lengthPrefixed(Buffer.from(v))])]);
}

export function decodeHeaderBlock(block: Buffer): SpdyHeaders {
  const headers: SpdyHeaders = {};
  let at = 4;
  const next = () => {
    const len = block.readUInt32BE(at);
    const s = block.subarray(at + 4, at + 4 + len).toString('utf8');
    at += 4 + len;
    return s;
  };
  for (let n = block.readUInt32BE(0); n > 0; n--) {
    const name = next();
    headers[name] = next();
  }
  return headers;
}

function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(payload.length, 4);
  head[4] = flags;
  return Buffer.concat([head, payload]);
}

export function dataFrame(streamId: number, data: Buffer, fin: boolean): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt32BE(data.length, 4);
  head[4] = fin ? FLAG_FIN : 0;
  return Buffer.concat([head, data]);
}

const u32 = (...values: number[]) => {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, 4 * i));
  return b;
};

/** One direction's zlib context; each call sync-flushes, so each block stands alone on the wire. */
class ZlibContext {
  private readonly out: Buffer[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly z: Deflate | Inflate) {
    z.on('data', (c: Buffer) => this.out.push(c));
  }

  run(input: Buffer): Promise<Buffer> {
    const done = this.queue.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          this.z.once('error', reject);
          this.z.write(input);
          this.z.flush(constants.Z_SYNC_FLUSH, () => {
            this.z.removeListener('error', reject);
            resolve(Buffer.concat(this.out.splice(0)));
          });
        }),
    );
    this.queue = done.catch(() => undefined);
    return done;
  }

  close(): void {
    this.z.close();
  }
}

/** A SPDY stream as a Duplex: writes become data frames (after the peer's SYN_REPLY), end() a FIN. */
export class SpdyStream extends Duplex {
  private replied: Promise<void>;
  private reply!: () => void;

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    readonly headers: SpdyHeaders,
    opened: boolean,
  ) {
    super({ allowHalfOpen: true });
    this.replied = opened ? Promise.resolve() : new Promise((resolve) => (this.reply = resolve));
  }

  /** The peer answered SYN_STREAM. */
  acknowledge(): void {
    this.reply?.();
  }

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    void this.replied.then(() => {
      for (let at = 0; at < chunk.length; at += MAX_DATA) this.session.send(dataFrame(this.id, chunk.subarray(at, at + MAX_DATA), false));
      done();
    }, done);
  }

  override _final(done: (err?: Error | null) => void): void {
    void this.replied.then(() => {
      this.session.send(dataFrame(this.id, Buffer.alloc(0), true));
      done();
    }, done);
  }

  /** Abandons the stream both ways (RST_STREAM CANCEL). */
  reset(): void {
    if (this.session.forget(this.id)) this.session.send(controlFrame(RST_STREAM, 0, u32(this.id, CANCEL)));
    this.push(null);
    this.destroy();
  }

  /** The peer reset the stream: it ends both ways (a normal end for port forwarding). */
  remoteReset(): void {
    this.reply?.();
    this.push(null);
    this.destroy();
  }
}

/**
 * Both ends of a session, over a byte transport: `write` sends bytes, `feed` takes what
 * arrived. The client opens odd-numbered streams; the server (for tests and a future kubelet)
 * answers each SYN_STREAM with an empty SYN_REPLY and emits 'stream'. Emits 'close' on
 * GOAWAY and 'error' on a frame it cannot read.
 */
export class SpdySession extends EventEmitter {
  private readonly streams = new Map<number, SpdyStream>();
  private readonly deflate = new ZlibContext(createDeflate({ level: constants.Z_BEST_COMPRESSION, dictionary: SPDY_DICTIONARY }));
  private readonly inflate = new ZlibContext(createInflate({ dictionary: SPDY_DICTIONARY }));
  private nextId: number;
  /** The last stream the peer opened, for GOAWAY. */
  private lastRemoteId = 0;
  private pending = Buffer.alloc(0);
  /** Outgoing frames in order: a header block's compression must not let later frames pass it. */
  private sending: Promise<unknown> = Promise.resolve();
  private receiving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly write: (bytes: Buffer) => void,
    private readonly server = false,
  ) {
    super();
    this.nextId = server ? 2 : 1;
  }

  send(frame: Buffer | Promise<Buffer>): void {
    this.sending = this.sending.then(async () => this.write(await frame)).catch((err: Error) => this.emit('error', err));
  }

  createStream(headers: SpdyHeaders): SpdyStream {
    const id = this.nextId;
    this.nextId += 2;
    const stream = new SpdyStream(this, id, headers, false);
    this.streams.set(id, stream);
    this.send(this.deflate.run(encodeHeaderBlock(headers)).then((block) => controlFrame(SYN_STREAM, 0, Buffer.concat([u32(id, 0), Buffer.from([0, 0]), block]))));
    return stream;
  }

  /** Drops a stream; whether it was still known. */
  forget(id: number): boolean {
    return this.streams.delete(id);
  }

  feed(bytes: Buffer): void {
    this.pending = Buffer.concat([this.pending, bytes]);
    while (this.pending.length >= 8) {
      const length = this.pending.readUInt32BE(4) & 0xffffff;
      if (this.pending.length < 8 + length) return;
      const frame = this.pending.subarray(0, 8 + length);
      this.pending = this.pending.subarray(8 + length);
      this.receiving = this.receiving.then(() => this.handle(frame)).catch((err: Error) => this.emit('error', err));
    }
  }

  close(): void {
    this.send(controlFrame(GOAWAY, 0, u32(this.lastRemoteId, 0)));
    for (const s of this.streams.values()) s.destroy();
    this.streams.clear();
    this.deflate.close();
    this.inflate.close();
  }

  private async handle(frame: Buffer): Promise<void> {
    const flags = frame[4]!;
    const payload = frame.subarray(8);
    if (!(frame[0]! & 0x80)) {
      const stream = this.streams.get(frame.readUInt32BE(0) & 0x7fffffff);
      if (!stream) return;
      if (payload.length) stream.push(Buffer.from(payload));
      if (flags & FLAG_FIN) stream.push(null);
      return;
    }
    const type = frame.readUInt16BE(2);
    const id = payload.length >= 4 ? payload.readUInt32BE(0) & 0x7fffffff : 0;
    switch (type) {
      case SYN_STREAM: {
        const headers = decodeHeaderBlock(await this.inflate.run(payload.subarray(10)));
        const stream = new SpdyStream(this, id, headers, true);
        this.lastRemoteId = id;
        this.streams.set(id, stream);
        this.send(this.deflate.run(encodeHeaderBlock({})).then((block) => controlFrame(SYN_REPLY, 0, Buffer.concat([u32(id), block]))));
        if (flags & FLAG_FIN) stream.push(null);
        this.emit('stream', stream);
        return;
      }
      case SYN_REPLY:
        await this.inflate.run(payload.subarray(4)); // keeps the shared context in step
        this.streams.get(id)?.acknowledge();
        if (flags & FLAG_FIN) this.streams.get(id)?.push(null);
        return;
      case RST_STREAM:
        this.streams.get(id)?.remoteReset();
        this.streams.delete(id);
        return;
      case PING:
        // Echo the peer's pings (their ids have the other parity); ours come back unasked.
        if ((payload.readUInt32BE(0) & 1) === (this.server ? 1 : 0)) this.send(frame);
        return;
      case GOAWAY:
        this.emit('close');
        return;
      default:
        return; // SETTINGS, WINDOW_UPDATE, HEADERS: nothing kubectl acts on
    }
  }
}
