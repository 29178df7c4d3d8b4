// Protobuf wire format: reading (varints as BigInt, since int64 fields can pass 2^53, and a
// message split into its fields grouped by number) and writing (WireWriter).

export class ProtobufDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufDecodeError';
  }
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export interface WireValue {
  wireType: number;
  /** Varint fields. */
  varint?: bigint;
  /** Length-delimited, fixed64 and fixed32 fields: the raw bytes. */
  bytes?: Uint8Array;
}

export class WireReader {
  pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError('unexpected end of data in varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
    }
    throw new ProtobufDecodeError('varint is too long');
  }

  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new ProtobufDecodeError('unexpected end of data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Every field of a message, in wire order, grouped by field number. */
export function readFields(data: Uint8Array): Map<number, WireValue[]> {
  const fields = new Map<number, WireValue[]>();
  const r = new WireReader(data);
  while (!r.done) {
    const key = r.varint();
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (number === 0) throw new ProtobufDecodeError('illegal field number 0');
    let value: WireValue;
    switch (wireType) {
      case WIRE_VARINT:
        value = { wireType, varint: r.varint() };
        break;
      case WIRE_FIXED64:
        value = { wireType, bytes: r.take(8) };
        break;
      case WIRE_BYTES:
        value = { wireType, bytes: r.take(Number(r.varint())) };
        break;
      case WIRE_FIXED32:
        value = { wireType, bytes: r.take(4) };
        break;
      default:
        throw new ProtobufDecodeError(`unsupported wire type ${wireType} for field ${number}`);
    }
    const list = fields.get(number);
    if (list) list.push(value);
    else fields.set(number, [value]);
  }
  return fields;
}

/** Varints of a field, whether written one per occurrence or packed into one byte run. */
export function varintsOf(values: WireValue[]): bigint[] {
  const out: bigint[] = [];
  for (const v of values) {
    if (v.varint !== undefined) {
      out.push(v.varint);
    } else if (v.wireType === WIRE_BYTES && v.bytes) {
      const r = new WireReader(v.bytes);
      while (!r.done) out.push(r.varint());
    }
  }
  return out;
}

/** Doubles of a field, unpacked or packed. */
export function doublesOf(values: WireValue[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (!v.bytes) continue;
    const view = new DataView(v.bytes.buffer, v.bytes.byteOffset, v.bytes.byteLength);
    for (let off = 0; off + 8 <= v.bytes.length; off += 8) out.push(view.getFloat64(off, true));
  }
  return out;
}

/** Length-delimited payloads of a field. */
export function bytesOf(values: WireValue[]): Uint8Array[] {
  return values.filter((v) => v.wireType === WIRE_BYTES && v.bytes).map((v) => v.bytes as Uint8Array);
}

/** Joins the occurrences of a singular message field: protobuf merges them as if concatenated. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Bytes a varint of this non-negative value takes. */
function varintSize(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    n += 1;
  }
  return n;
}

/**
 * Writes a message into one growing buffer. A nested message is written in place and its
 * bytes moved up to put its length in front, so no per-message buffers are made; the price is
 * that each level of nesting moves its whole subtree once more (a field n levels deep moves n
 * times), which the shallow trees written here can afford.
 */
export class WireWriter {
  private buf = Buffer.allocUnsafe(256);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** A varint; negative values (int64) take their 64-bit two's complement, as protobuf does. */
  varint(value: number | bigint): void {
    if (typeof value === 'bigint' || value < 0 || !Number.isSafeInteger(value)) {
      let v = BigInt.asUintN(64, BigInt(value));
      this.reserve(10);
      while (v >= 0x80n) {
        this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
        v >>= 7n;
      }
      this.buf[this.len++] = Number(v);
      return;
    }
    this.reserve(8);
    while (value >= 0x80) {
      this.buf[this.len++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buf[this.len++] = value;
  }

  tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  /** A varint field (integers, enums, bools). */
  uint(field: number, value: number | bigint | boolean): void {
    this.tag(field, WIRE_VARINT);
    this.varint(typeof value === 'boolean' ? Number(value) : value);
  }

  double(field: number, value: number): void {
    this.tag(field, WIRE_FIXED64);
    this.reserve(8);
    this.buf.writeDoubleLE(value, this.len);
    this.len += 8;
  }

  string(field: number, value: string): void {
    this.tag(field, WIRE_BYTES);
    const n = Buffer.byteLength(value);
    this.varint(n);
    this.reserve(n);
    this.len += this.buf.write(value, this.len, 'utf8');
  }

  bytes(field: number, value: Uint8Array): void {
    this.tag(field, WIRE_BYTES);
    this.varint(value.length);
    this.reserve(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
  }

  /** A length-delimited field whose contents `write` puts into this writer. */
  message(field: number, write: (w: WireWriter) => void): void {
    this.tag(field, WIRE_BYTES);
    const start = this.len;
    write(this);
    const size = this.len - start;
    const prefix = varintSize(size);
    this.reserve(prefix);
    this.buf.copyWithin(start + prefix, start, this.len);
    let at = start;
    let rest = size;
    while (rest >= 0x80) {
      this.buf[at++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buf[at] = rest;
    this.len += prefix;
  }

  /** The message, in a buffer of its own exact size (the working one can be twice as big). */
  finish(): Buffer {
    const out = Buffer.allocUnsafeSlow(this.len);
    this.buf.copy(out, 0, 0, this.len);
    return out;
  }
}
