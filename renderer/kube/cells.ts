// How Table cells are shown: kubectl's text, a live AGE, a tone for status words, and meters.
import type { TableColumn, TableRow } from './table';

/** The format of a client-side column whose cells are meters (a node's CPU use), drawn as bars. */
export const METER_FORMAT = 'meter';

/** A share of a total: its text, what the table sorts and filters by, is the percentage. */
export interface MeterCell {
  percent: number;
  /** What the share is of, e.g. "1.2 / 4 cores". */
  reading: string;
}

export function isMeterCell(value: unknown): value is MeterCell {
  return typeof value === 'object' && value !== null && typeof (value as MeterCell).percent === 'number';
}

/** A cell's text: objects as JSON (kubectl -o wide does the same), meters as a percentage. */
export function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isMeterCell(value)) return `${Math.round(value.percent)}%`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** kubectl's duration.HumanDuration: the AGE format. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  const y = Math.floor(h / 24 / 365);
  const d = Math.floor(h / 24) % 365;
  if (h < 24 * 365 * 8) return d === 0 ? `${y}y` : `${y}y${d}d`;
  return `${y}y`;
}

export function cellText(row: TableRow, column: TableColumn, index: number, now: number): string {
  if (column.name === 'Age') {
    const created = row.object?.metadata?.creationTimestamp;
    if (created) return humanDuration(now - Date.parse(created));
  }
  return cellString(row.cells[index]);
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted' | '';

const OK = /^(Running|Ready|Active|Bound|Available|Complete|Completed|Succeeded|True|Normal)$/;
const WARN = /^(Pending|ContainerCreating|PodInitializing|Terminating|Unknown|SchedulingDisabled|Warning|Released|Suspended)/;
const BAD = /(Error|BackOff|Failed|OOMKilled|NotReady|Evicted|Lost|Invalid|ImagePull|Unschedulable|False)/;

/** A colour hint for status-like columns, so problems stand out in a dense table. */
export function cellTone(column: TableColumn, text: string): Tone {
  if (!/^(Status|Phase|Type|Ready)$/.test(column.name)) return '';
  if (/^\d+\/\d+$/.test(text)) {
    const [a, b] = text.split('/').map(Number);
    return a === b ? 'ok' : 'warn';
  }
  if (BAD.test(text)) return 'bad';
  if (WARN.test(text)) return 'warn';
  if (OK.test(text)) return 'ok';
  return '';
}

/** How long ago a timestamp was. The shared clock ticks every few seconds, so an object newer
 *  than the last tick reads 0s rather than kubectl's "<invalid>" (which means clock skew). */
export function since(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '';
  return humanDuration(Math.max(0, now - Date.parse(timestamp)));
}
