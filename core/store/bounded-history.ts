// A history window kept to about limit entries, trimmed in batches: shifting the whole array
// on every append would cost O(history) per write.

/** Appends entry; returns the oldest entries dropped to stay within limit (usually none). */
export function appendBounded<T>(history: T[], entry: T, limit: number): T[] {
  history.push(entry);
  if (history.length <= limit + Math.max(16, limit >> 3)) return [];
  return history.splice(0, history.length - limit);
}
