// Shares equal short strings between cached objects. JSON.parse makes a fresh string for
// every value longer than a few characters, so each of 100,000 pods would carry its own
// "default-scheduler", "/dev/termination-log", toleration keys and timestamps of the same
// second. The pool keeps the strings seen recently in two generations: a string met again
// is kept, one seen only once (a uid, an IP) ages out, so the pool stays small.
//
// Written here because string interning libraries intern forever (a leak for unique values).

/** Strings longer than V8 interns itself when parsing, and short enough to repeat. */
const MIN_LENGTH = 11;
const MAX_LENGTH = 64;
/** Strings per generation. */
const GENERATION = 4096;

let current = new Map<string, string>();
let previous = new Map<string, string>();

function pooled(s: string): string {
  const hit = current.get(s);
  if (hit !== undefined) return hit;
  const old = previous.get(s) ?? s;
  if (current.size >= GENERATION) {
    previous = current;
    current = new Map();
  }
  current.set(old, old);
  return old;
}

/** Replaces the short string values in a freshly parsed JSON value with pooled equals. */
export function poolStrings(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') {
        if (v.length >= MIN_LENGTH && v.length <= MAX_LENGTH) value[i] = pooled(v);
      } else if (typeof v === 'object' && v !== null) poolStrings(v);
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    const v = obj[k];
    if (typeof v === 'string') {
      if (v.length >= MIN_LENGTH && v.length <= MAX_LENGTH) obj[k] = pooled(v);
    } else if (typeof v === 'object' && v !== null) poolStrings(v);
  }
}
