// Turns one protobuf message into the JSON Go's encoding/json would write for the decoded
// struct: declaration order, omitempty dropping zero scalars and empty lists and maps,
// nil pointers omitted (or null without omitempty), non-pointer structs always written.

import { MAX_NESTING_DEPTH } from '../http/nesting-depth';
import { messageLayout, type FieldSpec } from '../../registry/protobuf/field-table';
import { SPECIAL_JSON, type PresentFields } from '../../registry/protobuf/special-json';
import {
  ProtobufDecodeError,
  WIRE_BYTES,
  WIRE_FIXED64,
  WIRE_VARINT,
  bytesOf,
  concatBytes,
  doublesOf,
  readFields,
  varintsOf,
  type WireValue,
} from '../../registry/protobuf/wire';

const INTEGERS = new Set(['int32', 'int64', 'uint32', 'uint64']);
const utf8 = new TextDecoder();

/**
 * Recursive types (JSONSchemaProps) let a body nest messages as deep as its bytes allow, and
 * the decoder recurses; each message is at least one level of the JSON it becomes.
 */
let openMessages = 0;

function isMessageType(type: string): boolean {
  return type.includes('.') && !type.startsWith('map:') && !type.startsWith('[]');
}

function integer(type: string, v: bigint): bigint {
  switch (type) {
    case 'int32':
      return BigInt.asIntN(32, v);
    case 'uint32':
      return BigInt.asUintN(32, v);
    case 'int64':
      return BigInt.asIntN(64, v);
    default:
      return v;
  }
}

function expectWire(values: WireValue[], allowed: number[], type: string): void {
  const bad = values.find((v) => !allowed.includes(v.wireType));
  if (bad) throw new ProtobufDecodeError(`wrong wire type ${bad.wireType} for a ${type} field`);
}

/** Every value of a field in Go form: ints as bigint, bytes as Uint8Array, messages as JSON. */
function valuesOf(type: string, values: WireValue[]): unknown[] {
  if (INTEGERS.has(type) || type === 'bool') {
    expectWire(values, [WIRE_VARINT, WIRE_BYTES], type);
    return varintsOf(values).map((v) => (type === 'bool' ? v !== 0n : integer(type, v)));
  }
  if (type === 'double') {
    expectWire(values, [WIRE_FIXED64, WIRE_BYTES], type);
    return doublesOf(values);
  }
  expectWire(values, [WIRE_BYTES], type);
  const payloads = bytesOf(values);
  if (type === 'string') return payloads.map((b) => utf8.decode(b));
  if (type === 'bytes') return payloads;
  if (type.startsWith('map:')) return payloads.map((b) => mapEntry(type.slice(4), b));
  if (type.startsWith('[]')) return payloads.map((b) => wrappedList(type.slice(2), b));
  return payloads.map((b) => messageToJson(type, b));
}

/** A value as it appears in JSON. */
function toJson(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v;
}

/** The zero value Go gives a field of this type that was never set. */
function zeroOf(type: string): unknown {
  if (INTEGERS.has(type)) return 0n;
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (type === 'double') return 0;
  if (isMessageType(type)) return messageToJson(type, undefined);
  return null; // bytes, maps and named slices are nil
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '' || v === false || v === 0 || v === 0n) return true;
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  return false;
}

function mapEntry(valueType: string, entry: Uint8Array): [string, unknown] {
  const fields = readFields(entry);
  const keys = fields.get(1);
  const key = keys ? (valuesOf('string', keys).at(-1) as string) : '';
  const values = fields.get(2);
  const value = values ? singular(valueType, values) : zeroOf(valueType);
  return [key, toJson(value)];
}

/** A named slice used as a map value (ExtraValue) travels as a message with the items as field 1. */
function wrappedList(itemType: string, data: Uint8Array): unknown {
  const items = readFields(data).get(1);
  return items ? valuesOf(itemType, items).map(toJson) : null;
}

/** A non-repeated field: the last scalar wins; message occurrences merge like concatenated bytes. */
function singular(type: string, values: WireValue[]): unknown {
  if (isMessageType(type)) {
    expectWire(values, [WIRE_BYTES], type);
    return messageToJson(type, concatBytes(bytesOf(values)));
  }
  return valuesOf(type, values).at(-1);
}

function present(field: FieldSpec, values: WireValue[]): unknown {
  if (field.type.startsWith('map:')) return Object.fromEntries(valuesOf(field.type, values) as Array<[string, unknown]>);
  if (field.repeated) return valuesOf(field.type, values).map(toJson);
  return singular(field.type, values);
}

function writeField(out: Record<string, unknown>, field: FieldSpec, value: unknown): void {
  const collection = field.repeated || field.type.startsWith('map:');
  if (field.inline) {
    Object.assign(out, value ?? zeroOf(field.type));
  } else if (value === undefined && (collection || field.pointer || field.type === 'bytes')) {
    if (!field.omitEmpty) out[field.name] = null;
  } else if (collection && Object.keys(value as object).length === 0) {
    if (!field.omitEmpty) out[field.name] = null;
  } else {
    const v = value === undefined ? zeroOf(field.type) : value;
    // omitempty never drops structs, and a set pointer is written even when it points at zero.
    if (field.omitEmpty && !field.pointer && !isMessageType(field.type) && isEmpty(v)) return;
    out[field.name] = toJson(v);
  }
}

/**
 * The JSON of a message of the given schema type; `data` undefined means the Go zero value
 * (a struct field that was never on the wire).
 */
export function messageToJson(type: string, data: Uint8Array | undefined): unknown {
  if (openMessages >= MAX_NESTING_DEPTH) throw new ProtobufDecodeError('exceeded max depth');
  openMessages++;
  try {
    return messageJson(type, data);
  } finally {
    openMessages--;
  }
}

function messageJson(type: string, data: Uint8Array | undefined): unknown {
  const layout = messageLayout(type);
  if (!layout) throw new ProtobufDecodeError(`no protobuf layout for ${type}`);
  const wire = data ? readFields(data) : new Map<number, WireValue[]>();
  const special = SPECIAL_JSON[type];
  if (special) {
    const fields: PresentFields = new Map();
    for (const [number, values] of wire) {
      const field = layout.byNumber.get(number);
      if (field) fields.set(field.name, present(field, values));
    }
    return special(fields, data?.length ?? 0);
  }
  const out: Record<string, unknown> = {};
  for (const field of layout.fields) {
    const values = wire.get(field.number);
    writeField(out, field, values ? present(field, values) : undefined);
  }
  return out;
}
