// ResourceList arithmetic as quota does it (apiserver/pkg/quota/v1/resources.go): sums keep the
// first non-zero operand's format and print canonically ("1500m", "1536Mi").
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../machinery/quantity';

export type ResourceList = Record<string, string>;

const ZERO: Quantity = { unscaled: 0n, exp: 0, format: 'DecimalSI' };
const parse = (s: string | undefined): Quantity => (s === undefined ? ZERO : (parseQuantity(s) ?? ZERO));

function combine(a: Quantity, b: Quantity, sign: 1n | -1n): Quantity {
  const exp = Math.min(a.exp, b.exp);
  const unscaled = a.unscaled * 10n ** BigInt(a.exp - exp) + sign * b.unscaled * 10n ** BigInt(b.exp - exp);
  return { unscaled, exp, format: a.unscaled === 0n ? b.format : a.format };
}

export const addQuantities = (a: string | undefined, b: string | undefined): string => formatQuantity(combine(parse(a), parse(b), 1n));

export function add(a: ResourceList, b: ResourceList): ResourceList {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? addQuantities(a[k], v) : formatQuantity(parse(v));
  return out;
}

/** a - b per resource of a, floored at zero (SubtractWithNonNegativeResult). */
export function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(a)) {
    const d = combine(parse(v), parse(b[k]), -1n);
    out[k] = d.unscaled < 0n ? '0' : formatQuantity(d);
  }
  return out;
}

/** Only the named resources. */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = {};
  for (const n of names) if (n in list) out[n] = list[n]!;
  return out;
}

export const removeZeros = (list: ResourceList): ResourceList =>
  Object.fromEntries(Object.entries(list).filter(([, v]) => parse(v).unscaled !== 0n));

export const isNegative = (list: ResourceList): string[] => Object.keys(list).filter((k) => parse(list[k]).unscaled < 0n);

/** Resources of a over their limit in b (those b does not list are unlimited). */
export function exceeded(a: ResourceList, b: ResourceList): string[] {
  return Object.keys(a).filter((k) => k in b && compareQuantities(parse(a[k]), parse(b[k])) > 0);
}

export const compare = (a: string | undefined, b: string | undefined): number => compareQuantities(parse(a), parse(b));

/** "k=v,k=v", sorted: how quota errors print resource lists. */
export const prettyPrint = (list: ResourceList): string =>
  Object.keys(list)
    .sort()
    .map((k) => `${k}=${list[k]}`)
    .join(',');
