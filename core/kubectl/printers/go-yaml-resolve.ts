// How go-yaml v2 (the YAML under sigs.k8s.io/yaml, hence kubectl -o yaml) reads a plain scalar
// back (YAML 1.1: yes/no/on/off are booleans, 0777 is octal, 2024-01-02 a timestamp, 1:30 a
// base-60 float), because a string is written plain only when it would read back as a string;
// and how Go formats a float64 (strconv 'g', shortest), as yaml.v2 and fmt's %v print it.

const RESOLVED = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
  '<<',
]);

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64), falling back to ParseUint: does s read as a 64-bit integer? */
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const digits = m[2]!.toLowerCase();
  const n = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
  const v = m[1] === '-' ? -n : n;
  return v >= INT64_MIN && v <= UINT64_MAX && !(m[1] === '+' && v > 2n ** 63n - 1n);
}

/** strconv.ParseFloat(s, 64) succeeding (finite, or an explicit infinity) on a yaml-style float. */
function isGoFloat(s: string): boolean {
  return /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** go-yaml's timestamp formats, read as Go's time.Parse does (fields range-checked). */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:([Tt ])(\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, zone] = m;
  const month = Number(mo);
  const year = Number(y);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || Number(d) < 1 || Number(d) > (month === 2 && !leap ? 28 : DAYS[month - 1]!)) return false;
  if (sep === undefined) return true;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return false;
  // "2006-1-2 15:4:5.999999999" has no zone; the T/t forms require one.
  if (sep === ' ') return zone === undefined;
  if (zone === undefined) return false;
  return zone === 'Z' || (Number(zone.slice(1, 3)) <= 24 && Number(zone.slice(4)) <= 60);
}

/** Would go-yaml v2 read s, written plain, as something other than a string? */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVED.has(s)) return true;
  const c = s[0]!;
  if (c === '.') return isGoFloat(s);
  if (!/[0-9+-]/.test(c)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  return isGoInt(plain) || isGoFloat(plain);
}

/** YAML 1.1 base-60 floats (1:30): go-yaml quotes them for older parsers. */
export function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e6 on. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const [mantissa, e] = f.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** A JSON number as sigs.k8s.io/yaml writes it: integers as Go's int64/uint64, others as float64. */
export function goNumberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 64) return BigInt(n).toString();
  const s = formatGoFloat(n);
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
}
