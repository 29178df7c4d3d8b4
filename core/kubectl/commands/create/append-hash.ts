// --append-hash of `create configmap` and `create secret` (pkg/util/hash): the name gets a
// suffix made from a SHA-256 of the object's kind, name and data, 10 hex digits with the
// characters that could spell words (0 1 3 a e) swapped out.
import { createHash } from 'node:crypto';

/** encoding/json of a map: keys sorted, compact, <, > and & escaped. */
function goMapJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encodeHash(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

type Obj = Record<string, unknown> & { metadata: { name: string } };

/** The object renamed NAME-<hash>. */
export function withNameHash(obj: Obj): Obj {
  const name = obj.metadata.name;
  const fields =
    obj.kind === 'ConfigMap'
      ? { kind: 'ConfigMap', name, data: obj.data ?? {}, ...(obj.binaryData && Object.keys(obj.binaryData).length ? { binaryData: obj.binaryData } : {}) }
      : { kind: 'Secret', type: obj.type ?? '', name, data: obj.data ?? {} };
  return { ...obj, metadata: { ...obj.metadata, name: `${name}-${encodeHash(goMapJson(fields))}` } };
}
