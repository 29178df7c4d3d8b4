// Plain JSON values as patches see them: type tests, deep equality, copies, and the names
// Go's reflect and fmt give them (patch error messages quote Go's %v formatting).

export type JsonMap = { [key: string]: unknown };

export function isJsonMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own key of a decoded object (never one inherited from Object.prototype). */
export function hasKey(m: JsonMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/**
 * m[key] if m has it as its own. Plain indexing also finds Object.prototype's members, so a
 * user's "constructor" or "__proto__" would read as present in any table or map.
 */
export function ownValue<T>(m: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return m && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/**
 * Sets m[key] as an own data property. Assigning "__proto__" would replace m's prototype
 * instead, yet it is a valid key in JSON and in Kubernetes maps (ConfigMap data, say).
 */
export function setKey(m: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(m, key, { value, writable: true, enumerable: true, configurable: true });
  else m[key] = value;
}

/** The kind Go's reflect would report for a decoded JSON value. */
export type JsonKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'null';

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'object':
      return 'map';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'bool';
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isJsonMap(a) && isJsonMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => hasKey(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

export function cloneJson<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** A copy as it would arrive over the wire: undefined fields are dropped, as JSON drops them. */
export function wireCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Go's %v for a decoded JSON value: map[a:1 b:[x y]], <nil>. Maps print with sorted keys. */
export function goString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (isJsonMap(v)) {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${k}:${goString(v[k])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(v);
}

/** Go's reflect.TypeOf(v).String() for a decoded JSON value. */
export function goTypeName(v: unknown): string {
  switch (jsonKind(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'bool':
      return 'bool';
    default:
      return '<nil>';
  }
}
