// JSON merge patch (RFC 7386): what an edit changed, to re-apply it on a newer version of the
// object after a conflict, as kubectl edit re-applies your changes after "the object has been
// modified". Lists are replaced whole, as merge patch replaces them.
type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patch that turns `from` into `to`. */
export function createMergePatch(from: Json, to: Json): Json {
  if (!isMap(from) || !isMap(to)) return to;
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    if (!(key in from)) patch[key] = value;
    else if (JSON.stringify(from[key]) !== JSON.stringify(value)) patch[key] = createMergePatch(from[key], value);
  }
  return patch;
}

export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return patch;
  const out: Record<string, Json> = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
