// The pieces every describer shares, as pkg/describe prints them: times in RFC 1123 with a
// numeric zone (local time, as metav1.Time reads it), label and annotation blocks, taints,
// tolerations, and the Events table.
import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1';
import { humanDuration, parseTimestamp } from '../../machinery/human-duration';
import type { DescribeWriter } from './writer';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in local time: "Sun, 06 Dec 2026 15:11:40 +0000"; unset is Go's zero time. */
export function rfc1123z(ts: string | null | undefined): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const t = new Date(ms);
  const offset = -t.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.trunc(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  return `${DAYS[t.getDay()]}, ${two(t.getDate())} ${MONTHS[t.getMonth()]} ${t.getFullYear()} ${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())} ${zone}`;
}

/** translateTimestampSince: the age of a timestamp, "<unknown>" when unset. */
export function since(ts: string | null | undefined, now: Date): string {
  const ms = parseTimestamp(ts);
  return ms === undefined ? '<unknown>' : humanDuration(now.getTime() - ms);
}

/** Go's %v of a bool, number or string as JSON decoded it. */
export const goValue = (v: unknown): string => (v === undefined || v === null ? '<nil>' : String(v));

/** Go's %v of a string slice: "[a b]". */
export const goSlice = (v: readonly string[] | undefined): string => `[${(v ?? []).join(' ')}]`;

/** printLabelsMultilineWithIndent: "Title:\tk=v", further pairs on their own lines, "<none>" when empty. */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
/** Go's s[:n] on bytes, for the annotation cut. */
const shorten = (s: string, max: number) => {
  const bytes = Buffer.from(s);
  return bytes.length > max ? `${bytes.subarray(0, max).toString()}...` : s;
};

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines, cut at 140 bytes. */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (Buffer.byteLength(value) + Buffer.byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: key=value:effect, the value and effect left out when empty. */
export const taintText = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

/** A multi-line list under a title: the first item beside it, the rest aligned below. */
function multiline(w: DescribeWriter, title: string, items: string[]): void {
  w.write(0, `${title}:\t`);
  if (items.length === 0) return w.line('<none>');
  items.forEach((item, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${item}\n`);
  });
}

export function taintsMultiline(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  const key = (t: Taint) => `${t.effect},${t.key}`;
  multiline(w, title, [...(taints ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(taintText));
}

function tolerationText(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  // "Exists" without a value tolerates everything that matches the key and effect.
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  multiline(w, title, sorted.map(tolerationText));
}

/** The names of objects, sorted, one per line (printPodsMultiline). */
export const namesMultiline = (w: DescribeWriter, title: string, names: string[]) => multiline(w, title, [...names].sort());

const timeOf = (ts: string | null | undefined) => parseTimestamp(ts) ?? -62135596800000;

/** DescribeEvents: oldest last-seen first, "5m (x3 over 10m)" for repeated events. */
export function describeEvents(w: DescribeWriter, events: Event[], now: Date): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  const sorted = [...events].sort((a, b) => timeOf(a.lastTimestamp) - timeOf(b.lastTimestamp));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
