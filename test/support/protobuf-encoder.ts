// A minimal protobuf writer for tests: builds messages from [field number, value] pairs.

import { PROTOBUF_MAGIC } from '../../core/apiserver/protobuf/envelope';
import { WIRE_BYTES, WireWriter } from '../../core/registry/protobuf/wire';

/** number/bigint/boolean: varint; string/Uint8Array: bytes; array: nested message; {double}: fixed64. */
export type PbValue = number | bigint | boolean | string | Uint8Array | PbField[] | { double: number };
export type PbField = [number, PbValue];

function writeFields(w: WireWriter, fields: PbField[]): void {
  for (const [number, value] of fields) {
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') w.uint(number, value);
    else if (typeof value === 'string') w.string(number, value);
    else if (value instanceof Uint8Array) w.bytes(number, value);
    else if (Array.isArray(value)) w.message(number, (m) => writeFields(m, value));
    else w.double(number, value.double);
  }
}

export function encodeMessage(fields: PbField[]): Uint8Array {
  const w = new WireWriter();
  writeFields(w, fields);
  return Uint8Array.from(w.finish());
}

/** One bytes field around an encoded message, copied once: deep nesting without number arrays. */
export function wrapField(number: number, message: Uint8Array): Buffer {
  const head = new WireWriter();
  head.tag(number, WIRE_BYTES);
  head.varint(message.length);
  return Buffer.concat([head.finish(), message]);
}

/** A whole request body: magic, then runtime.Unknown with typeMeta and raw. */
export function encodeBody(apiVersion: string, kind: string, object: PbField[]): Buffer {
  const typeMeta: PbField[] = [];
  if (apiVersion) typeMeta.push([1, apiVersion]);
  if (kind) typeMeta.push([2, kind]);
  return Buffer.concat([PROTOBUF_MAGIC, encodeMessage([[1, typeMeta], [2, encodeMessage(object)]])]);
}
