// Go's json.Marshal of unstructured data (map[string]interface{}), which kubectl uses for the
// last-applied annotation and quotes in messages: compact, keys sorted by bytes at every level,
// and <, >, & escaped as \u003c, \u003e, \u0026.

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    // A Map keeps insertion order even for keys like "80", which a plain object would move first.
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new Map(entries.map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

function encode(value: unknown): string {
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  return JSON.stringify(value ?? null);
}

export function goMarshal(value: unknown): string {
  return encode(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
