// Types whose JSON is written by a hand-made MarshalJSON in Go rather than from their fields:
// times, durations, quantities, int-or-string, and the raw JSON holders.

import { formatGoDuration, formatUnixTime } from './go-format';
import { ProtobufDecodeError } from './wire';

/** Present fields of a message by name: ints as bigint, bytes as Uint8Array, the rest as JSON. */
export type PresentFields = Map<string, unknown>;

/** Builds the JSON of a special type from its present fields and its encoded length. */
export type SpecialJson = (fields: PresentFields, encodedLength: number) => unknown;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : 0;
}

function rawJson(v: unknown): unknown {
  if (!(v instanceof Uint8Array) || v.length === 0) return null;
  const text = new TextDecoder().decode(v);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProtobufDecodeError(`embedded raw content is not JSON: ${text.slice(0, 40)}`);
  }
}

function nonEmptyList(v: unknown): unknown[] | undefined {
  return Array.isArray(v) && v.length > 0 ? v : undefined;
}

/** An empty Time message is the zero time, which Go writes as null. */
function timeJson(fractionDigits: 0 | 6): SpecialJson {
  return (f, length) => (length === 0 ? null : formatUnixTime(num(f.get('seconds')), num(f.get('nanos')), fractionDigits));
}

export const SPECIAL_JSON: Record<string, SpecialJson> = {
  [`${META}.Time`]: timeJson(0),
  [`${META}.MicroTime`]: timeJson(6),
  [`${META}.Duration`]: (f) => formatGoDuration((f.get('duration') as bigint | undefined) ?? 0n),
  [`${META}.FieldsV1`]: (f) => rawJson(f.get('Raw')),
  // The wire already carries the canonical form, which is what Go's JSON writes; zero is "0".
  'io.k8s.apimachinery.pkg.api.resource.Quantity': (f) => (f.get('string') as string | undefined) || '0',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': (f) =>
    num(f.get('type')) === 1 ? ((f.get('strVal') as string | undefined) ?? '') : num(f.get('intVal')),
  'io.k8s.apimachinery.pkg.runtime.RawExtension': (f) => rawJson(f.get('raw')),
  [`${APIEXT}.JSON`]: (f) => rawJson(f.get('raw')),
  [`${APIEXT}.JSONSchemaPropsOrBool`]: (f) => (f.has('schema') ? f.get('schema') : f.get('allows') === true),
  [`${APIEXT}.JSONSchemaPropsOrArray`]: (f) => nonEmptyList(f.get('jSONSchemas')) ?? f.get('schema') ?? null,
  [`${APIEXT}.JSONSchemaPropsOrStringArray`]: (f) => nonEmptyList(f.get('property')) ?? f.get('schema') ?? null,
};
