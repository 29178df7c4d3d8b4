// Go's time.ParseDuration, for duration flags such as --pod-running-timeout ("1m0s", "90s", "1.5h").
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or an Error worded as Go's `time: invalid duration "x"`. */
export function parseGoDuration(text: string): number {
  const invalid = new Error(`time: invalid duration "${text}"`);
  const m = /^([+-]?)(.*)$/.exec(text)!;
  if (m[2] === '0') return 0;
  if (!m[2]) throw invalid;
  let total = 0;
  const re = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let at = 0;
  while (at < m[2].length) {
    re.lastIndex = at;
    const part = re.exec(m[2]);
    if (!part) throw invalid;
    total += Number(part[1]) * UNITS[part[2]!]!;
    at = re.lastIndex;
  }
  return m[1] === '-' ? -total : total;
}

/** Go's Duration.String: "2s", "1m30s", "1h0m0s", "1.5s", "500ms", "0s". */
export function formatGoDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs === 0) return '0s';
  if (abs < 1000) {
    const [value, unit] = abs >= 1 ? [abs, 'ms'] : abs >= 1e-3 ? [abs * 1e3, 'µs'] : [abs * 1e6, 'ns'];
    return `${sign}${Number(value.toFixed(6))}${unit}`;
  }
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const seconds = `${Number(((abs % 60_000) / 1000).toFixed(9))}s`;
  if (hours) return `${sign}${hours}h${minutes}m${seconds}`;
  return minutes ? `${sign}${minutes}m${seconds}` : `${sign}${seconds}`;
}
