// --sort-by=JSONPATH as kubectl get sorts (pkg/cmd/get/sorter.go): by the path's first value in
// each object (a Table row's object when printing a table), numbers numerically, strings as
// resource quantities when both read as one (1Gi > 500Mi), else lexically; objects without
// the field first. Go's sort.Sort is an insertion sort up to 12 items (stable); beyond that
// kubectl's order of equal keys is unspecified and ours stays stable.
import { JsonPath } from '../jsonpath/jsonpath';
import { relaxedJsonPath } from './template-printers';

const SUFFIXES: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** resource.ParseQuantity's value, or undefined when the text is not a quantity. */
export function quantityValue(s: string): number | undefined {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|([numkMGTPE]|[KMGTPE]i)?)$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? n * 10 ** Number(m[2].slice(1)) : n * SUFFIXES[m[3] ?? '']!;
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantityValue(a);
    const qb = quantityValue(b);
    return qa !== undefined && qb !== undefined ? qa < qb : a < b;
  }
  return String(a) < String(b);
}

/** The sort key's parser, with kubectl's error when the field is in none of the objects. */
function keysOf(objects: unknown[], sortBy: string): { found: boolean; keys: unknown[][] } {
  let field = sortBy;
  try {
    field = relaxedJsonPath(sortBy);
  } catch {
    // kubectl falls back to the text as given
  }
  const keys = objects.map((o) => JsonPath.parse(field, { allowMissingKeys: true }).findResults(o).flat());
  const found = keys.some((k) => k.length > 0);
  if (objects.length && !found) throw new Error(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  return { found, keys };
}

/** The items in kubectl's order for --sort-by (insertion sort, as Go's for short lists). */
export function sortByField<T>(items: T[], objectOf: (item: T) => unknown, sortBy: string): T[] {
  const { keys } = keysOf(items.map(objectOf), sortBy);
  const order = items.map((item, i) => ({ item, key: keys[i]! }));
  const less = (x: unknown[], y: unknown[]) => (x.length === 0 ? true : y.length === 0 ? false : isLess(x[0], y[0]));
  for (let i = 1; i < order.length; i++) for (let j = i; j > 0 && less(order[j]!.key, order[j - 1]!.key); j--) [order[j], order[j - 1]] = [order[j - 1]!, order[j]!];
  return order.map((o) => o.item);
}
