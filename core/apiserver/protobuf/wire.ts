// Protobuf wire format reading: varints (as BigInt, since int64 fields can pass 2^53),
// and a message split into its fields grouped by number.

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
