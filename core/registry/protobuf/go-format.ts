// Text forms Go's encoding/json gives time values in Kubernetes types.

/** time.Unix(seconds, nanos).UTC() formatted as RFC 3339, with `fractionDigits` of the second (0 or 6). */
export function formatUnixTime(seconds: number, nanos: number, fractionDigits: 0 | 6): string {
  const whole = seconds + Math.floor(nanos / 1e9);
  const frac = ((nanos % 1e9) + 1e9) % 1e9;
  const iso = new Date(whole * 1000).toISOString(); // 2026-11-22T00:00:00.000Z
  const base = iso.slice(0, iso.indexOf('.'));
  if (fractionDigits === 0) return `${base}Z`;
  return `${base}.${String(Math.floor(frac / 1000)).padStart(6, '0')}Z`;
}

/** `value / 10^digits` as Go prints it: the fraction has its trailing zeros removed. */
function decimal(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const frac = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac ? `${value / scale}.${frac}` : `${value / scale}`;
}

/** Go's time.Duration.String(): 0s, 1.5µs, 100ms, 1h0m0s. */
export function formatGoDuration(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const u = nanos < 0n ? -nanos : nanos;
  if (u === 0n) return '0s';
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1000000n) return `${sign}${decimal(u, 3)}µs`;
  if (u < 1000000000n) return `${sign}${decimal(u, 6)}ms`;
  const totalSeconds = u / 1000000000n;
  const hours = totalSeconds / 3600n;
  const minutes = (totalSeconds / 60n) % 60n;
  const seconds = decimal(u % 60000000000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}
