// Kubernetes' semantic equality for JSON objects: like deep equality, but an absent field, an
// empty list and an empty map count as the same (Go's nil and empty slices and maps), and
// quantities compare by value only where callers canonicalised them beforehand.

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

/** The paths (dotted) under which two values differ, for "may not change" messages. */
export function differingPaths(a: unknown, b: unknown, path = ''): string[] {
  if (semanticEqual(a, b)) return [];
  const bothObjects = typeof a === 'object' && typeof b === 'object' && a !== null && b !== null;
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return [path || '.'];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [path || '.'];
    return a.flatMap((x, i) => differingPaths(x, b[i], `${path}[${i}]`));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  return keys.flatMap((k) => differingPaths(ao[k], bo[k], path ? `${path}.${k}` : k));
}
