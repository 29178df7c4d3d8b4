// A minimal protobuf writer for tests: builds messages from [field number, value] pairs.

import { PROTOBUF_MAGIC } from './envelope';

/** number/bigint/boolean: varint; string/Uint8Array: bytes; array: nested message; {double}: fixed64. */
export type PbValue = number | bigint | boolean | string | Uint8Array | PbField[] | { double: number };
export type PbField = [number, PbValue];

function varint(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

function field(number: number, value: PbValue): number[] {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return [...varint(BigInt(number) << 3n), ...varint(BigInt(typeof value === 'boolean' ? Number(value) : value))];
  }
  if (!Array.isArray(value) && !(value instanceof Uint8Array) && typeof value === 'object') {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value.double);
    return [...varint((BigInt(number) << 3n) | 1n), ...b];
  }
  const bytes = typeof value === 'string' ? Buffer.from(value) : Array.isArray(value) ? encodeMessage(value) : value;
  return [...varint((BigInt(number) << 3n) | 2n), ...varint(BigInt(bytes.length)), ...bytes];
}

export function encodeMessage(fields: PbField[]): Uint8Array {
  return Uint8Array.from(fields.flatMap(([n, v]) => field(n, v)));
}

/** A whole request body: magic, then runtime.Unknown with typeMeta and raw. */
export function encodeBody(apiVersion: string, kind: string, object: PbField[]): Buffer {
  const typeMeta: PbField[] = [];
  if (apiVersion) typeMeta.push([1, apiVersion]);
  if (kind) typeMeta.push([2, kind]);
  return Buffer.concat([PROTOBUF_MAGIC, encodeMessage([[1, typeMeta], [2, encodeMessage(object)]])]);
}
