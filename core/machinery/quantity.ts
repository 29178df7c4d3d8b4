// Kubernetes resource quantities (apimachinery api/resource): parsing, the canonical string the
// API server stores (resource.Quantity's String()), comparison and numeric helpers.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = unscaled × 10^exp. `original` is kept when Kubernetes keeps the input text as is. */
export interface Quantity {
  unscaled: bigint;
  exp: number;
  format: QuantityFormat;
  original?: string;
}

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const maxInt64 = (1n << 63n) - 1n;

export const quantityFormatError =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

// Splits the text the way apimachinery's parseQuantityString does, quirks included.
function splitQuantity(str: string): Parts | undefined {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (!num) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (s in decimalSuffixes) return { base: 10, exponent: decimalSuffixes[s], format: 'DecimalSI' };
  if (s in binarySuffixes) return { base: 2, exponent: binarySuffixes[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    return { base: 10, exponent: Number(s.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Divides by 10^digits, rounding away from zero (inf.RoundUp). */
function roundAwayFromZero(unscaled: bigint, digits: number): bigint {
  const d = pow10(digits);
  const q = unscaled / d;
  if (q * d === unscaled) return q;
  return unscaled < 0n ? q - 1n : q + 1n;
}

/** Parses a quantity as ParseQuantity does; undefined when Kubernetes would reject it. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const str = typeof input === 'number' ? numberText(input) : input.trim();
  if (str.length === 0) return undefined;
  if (str === '0') return { unscaled: 0n, exp: 0, format: 'DecimalSI', original: '0' };
  const parts = splitQuantity(str);
  if (!parts) return undefined;
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return undefined;
  const { num, denom, positive } = parts;
  const { base, exponent } = suffix;
  let format = suffix.format;

  // The int64 fast path: it decides whether the original text is kept as the canonical form.
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else {
    precision = -1;
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const value = BigInt(shifted);
      const result = value * mantissa;
      if (result <= maxInt64) {
        const signed = positive ? result : -result;
        const keep =
          format === 'BinarySI'
            ? exponent % 10 === 0 && (value & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return { unscaled: signed, exp: scale, format, ...(keep ? { original: str } : {}) };
      }
    }
  }

  // The arbitrary-precision path: exact value, rounded up to nano units.
  const digits = (num + denom).replace(/^0+(?=\d)/, '');
  let unscaled = BigInt(digits || '0');
  let exp = -denom.length;
  if (base === 10) exp += exponent;
  else unscaled *= 1n << BigInt(exponent);
  if (unscaled !== 0n && exp < -9) {
    unscaled = roundAwayFromZero(unscaled, -9 - exp);
    exp = -9;
  }
  if (format === 'BinarySI' && compareParts(unscaled, exp, maxInt64, 0) > 0) {
    unscaled = maxInt64;
    exp = 0;
  }
  if (format === 'BinarySI' && unscaled > 0n && compareParts(unscaled, exp, 1n, 0) < 0) format = 'DecimalSI';
  return { unscaled: positive ? unscaled : -unscaled, exp, format };
}

// JSON numbers reach us already parsed; print them the way they would have been written.
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

function compareParts(a: bigint, aExp: number, b: bigint, bExp: number): number {
  const e = Math.min(aExp, bExp);
  const x = a * pow10(aExp - e);
  const y = b * pow10(bExp - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return compareParts(a.unscaled, a.exp, b.unscaled, b.exp);
}

/** Moves factors of ten into the exponent, then lowers it to a multiple of three. */
function canonicalDecimal(q: Quantity): { mantissa: bigint; exp: number } {
  let mantissa = q.unscaled;
  let exp = q.exp;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  while (((exp % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exp--;
  }
  return { mantissa, exp };
}

/** The value as an integer, or undefined when it has a fractional part. */
function wholeValue(q: Quantity): bigint | undefined {
  if (q.exp >= 0) return q.unscaled * pow10(q.exp);
  const d = pow10(-q.exp);
  return q.unscaled % d === 0n ? q.unscaled / d : undefined;
}

const decimalSuffixFor = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]));
const binarySuffixFor = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** resource.Quantity's String(): the form the API server stores and returns. */
export function formatQuantity(q: Quantity): string {
  if (q.original !== undefined) return q.original;
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  let whole: bigint | undefined;
  if (format === 'BinarySI') {
    const small = compareParts(q.unscaled, q.exp, -1024n, 0) > 0 && compareParts(q.unscaled, q.exp, 1024n, 0) < 0;
    whole = wholeValue(q);
    if (small || whole === undefined) format = 'DecimalSI';
  }
  if (format === 'BinarySI' && whole !== undefined) {
    let exp = 0;
    while (whole % 1024n === 0n && exp < binarySuffixFor.length - 1) {
      whole /= 1024n;
      exp++;
    }
    return `${whole}${binarySuffixFor[exp]}`;
  }
  const { mantissa, exp } = canonicalDecimal(q);
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  const suffix = decimalSuffixFor.get(exp);
  return suffix !== undefined ? `${mantissa}${suffix}` : `${mantissa}e${exp}`;
}

/** The canonical text of a quantity, or undefined when it does not parse. */
export function canonicalQuantity(s: string | number): string | undefined {
  const q = parseQuantity(s);
  return q ? formatQuantity(q) : undefined;
}

/**
 * Rounds up to milli units, as SetDefaults_ResourceList does for every v1 ResourceList; the
 * original text survives only when no rounding was needed.
 */
export function roundUpToMilli(q: Quantity): Quantity {
  if (q.exp >= -3) return q;
  return { unscaled: roundAwayFromZero(q.unscaled, -3 - q.exp), exp: -3, format: q.format };
}

/** The value in thousandths, rounded up (Quantity.MilliValue). */
export function quantityToMilli(s: string | number): number {
  const q = parseQuantity(s);
  if (!q) return NaN;
  const shift = q.exp + 3;
  const milli = shift >= 0 ? q.unscaled * pow10(shift) : roundAwayFromZero(q.unscaled, -shift);
  return Number(milli);
}

/** The value as a float (Quantity.AsApproximateFloat64). */
export function quantityToNumber(s: string | number): number {
  const q = parseQuantity(s);
  return q ? Number(`${q.unscaled}e${q.exp}`) : NaN;
}

export const isZeroQuantity = (q: Quantity): boolean => q.unscaled === 0n;
export const isNegativeQuantity = (q: Quantity): boolean => q.unscaled < 0n;
