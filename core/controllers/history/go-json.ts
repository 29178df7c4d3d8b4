// The bytes Go's encoding/json writes for a decoded JSON value (map[string]interface{}):
// keys sorted, no spaces, and <, >, &, U+2028, U+2029 escaped. Kubernetes hashes these bytes
// for ControllerRevision names, so the same value must give the same bytes here.
export function goJsonMarshal(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out;
}
