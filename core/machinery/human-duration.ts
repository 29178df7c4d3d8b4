// Ages and durations as kubectl shows them (k8s.io/apimachinery/pkg/util/duration).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * duration.HumanDuration: about two significant figures, e.g. "45s", "5m30s", "42m", "3h4m",
 * "17h", "3d4h", "120d", "2y30d". Up to a second in the future reads "0s"; more is "<invalid>".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Milliseconds since the epoch for an RFC 3339 timestamp; undefined when unset or unreadable. */
export function parseTimestamp(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

/** The age of a timestamp at `now` (translateTimestampSince); "<unknown>" when unset. */
export function since(ts: string | null | undefined, now: Date): string {
  const t = parseTimestamp(ts);
  return t === undefined ? '<unknown>' : humanDuration(now.getTime() - t);
}

/** The AGE cell: how long ago the object was created. */
export function age(obj: { metadata?: { creationTimestamp?: string } }, now: Date): string {
  return since(obj.metadata?.creationTimestamp, now);
}
