// The envelope Kubernetes puts around protobuf bodies: the 4 bytes "k8s\0", then a
// runtime.Unknown {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3, contentType=4}.

import { ProtobufDecodeError, bytesOf, concatBytes, readFields, type WireValue } from '../../registry/protobuf/wire';

export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export interface Envelope {
  apiVersion: string;
  kind: string;
  /** The encoded object. */
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

function lastString(values: WireValue[] | undefined): string {
  const payloads = values ? bytesOf(values) : [];
  return payloads.length ? new TextDecoder().decode(payloads[payloads.length - 1]) : '';
}

export function readEnvelope(body: Uint8Array): Envelope {
  if (body.length === 0) throw new ProtobufDecodeError('empty data');
  if (body.length < PROTOBUF_MAGIC.length || !PROTOBUF_MAGIC.equals(body.subarray(0, PROTOBUF_MAGIC.length))) {
    throw new ProtobufDecodeError(`provided data does not appear to be a protobuf message, expected prefix ${JSON.stringify([...PROTOBUF_MAGIC])}`);
  }
  if (body.length === PROTOBUF_MAGIC.length) throw new ProtobufDecodeError('empty body');
  const unknown = readFields(body.subarray(PROTOBUF_MAGIC.length));
  const typeMetaParts = bytesOf(unknown.get(1) ?? []);
  const typeMeta = typeMetaParts.length ? readFields(concatBytes(typeMetaParts)) : new Map<number, WireValue[]>();
  const rawParts = bytesOf(unknown.get(2) ?? []);
  return {
    apiVersion: lastString(typeMeta.get(1)),
    kind: lastString(typeMeta.get(2)),
    raw: rawParts.length ? rawParts[rawParts.length - 1] : new Uint8Array(),
    contentEncoding: lastString(unknown.get(3)),
    contentType: lastString(unknown.get(4)),
  };
}
