import type { RangeOptions } from './types';

/** Applies startAfter and limit to keys already sorted ascending. */
export function rangeOfSorted(keys: string[], opts: RangeOptions): { keys: string[]; more: boolean } {
  let start = 0;
  if (opts.startAfter !== undefined) {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! <= opts.startAfter) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const limit = opts.limit && opts.limit > 0 ? opts.limit : keys.length;
  const end = Math.min(keys.length, start + limit);
  return { keys: keys.slice(start, end), more: end < keys.length };
}
