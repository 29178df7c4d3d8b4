// The lines a log view holds: from one or more streams, kept in time order (each line's
// RFC3339 timestamp, asked of the server with timestamps=true), at most a cap of lines, the
// oldest dropped first and counted so the view can say so. Pure: no Vue, no bridge.
import { stripAnsi } from './ansi';

/** Lines a view keeps before dropping the oldest. */
export const LOG_LINE_CAP = 50_000;

export interface LogSourceTag {
  /** pod/container, shown before each line of a multi-pod view. */
  label: string;
  /** Index into the view's tag palette. */
  colour: number;
}

export interface LogEntry {
  /** The server's timestamp as sent ('' when the line had none). */
  stamp: string;
  /** Milliseconds since the epoch, for ordering (NaN without a timestamp). */
  time: number;
  text: string;
  source?: LogSourceTag;
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

/** Splits "2026-01-01T00:00:00.5Z text" into its stamp and text (colour codes stripped). */
export function parseLine(raw: string, source?: LogSourceTag): LogEntry {
  const m = STAMP.exec(raw);
  const stamp = m?.[1] ?? '';
  return { stamp, time: stamp ? Date.parse(stamp) : NaN, text: stripAnsi(m ? raw.slice(m[0].length) : raw), source };
}

export class LogStore {
  entries: LogEntry[] = [];
  /** Lines dropped so far: over the cap here, or by the host while the view was behind. */
  dropped = 0;

  constructor(private readonly cap = LOG_LINE_CAP) {}

  /** Adds lines of one stream (already in order), each where its time puts it among the others. */
  add(lines: LogEntry[]): void {
    for (const line of lines) {
      let at = this.entries.length;
      // Mostly the newest: walk back only past lines that are later than this one.
      if (!Number.isNaN(line.time)) while (at > 0 && this.entries[at - 1]!.time > line.time) at--;
      if (at === this.entries.length) this.entries.push(line);
      else this.entries.splice(at, 0, line);
    }
    const excess = this.entries.length - this.cap;
    if (excess > 0) {
      this.entries.splice(0, excess);
      this.dropped += excess;
    }
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
  }
}

/** Indices of the entries whose text (or tag) contains the query, case-insensitively. */
export function findMatches(entries: readonly LogEntry[], query: string): number[] {
  const q = query.toLowerCase();
  if (!q) return [];
  const out: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.text.toLowerCase().includes(q) || e.source?.label.toLowerCase().includes(q)) out.push(i);
  }
  return out;
}

/** The text of a .log file: one line each, with the stamp and the tag when the view shows them. */
export function logFileText(entries: readonly LogEntry[], timestamps: boolean): string {
  return entries.map((e) => `${timestamps && e.stamp ? `${e.stamp} ` : ''}${e.source ? `[${e.source.label}] ` : ''}${e.text}\n`).join('');
}

/** A line split around the query's occurrences, for highlighting. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
