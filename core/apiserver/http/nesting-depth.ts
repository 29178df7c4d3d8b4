// A decoded body may nest only so deep: every walk that follows it (patches, field sets, the
// unknown-field check, structuredClone, JSON.stringify) recurses, and must not run out of stack.

/**
 * Kubernetes' JSON decoder stops at 10,000 levels. V8's own structuredClone gives out near
 * 2,000 and JSON.stringify near 5,000, and the patch walkers sooner, so this server stops at
 * 1,000: far beyond any real object, and well inside the stack.
 */
export const MAX_NESTING_DEPTH = 1000;

export class NestingTooDeepError extends Error {}

/**
 * Throws Go's scanner error ("invalid character '{' exceeded max depth") when `value` nests
 * deeper than the limit. Iterative, and linear in the value's size as seen through aliases.
 */
export function checkNestingDepth(value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_NESTING_DEPTH) {
      throw new NestingTooDeepError(`invalid character '${Array.isArray(v) ? '[' : '{'}' exceeded max depth`);
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
}
