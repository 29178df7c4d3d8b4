// Fixed column widths for a virtualised table: from the header and the first rows' text, so
// the layout does not shift as other rows scroll in (auto layout would size to the rows shown).
import { cellText, METER_FORMAT } from '../kube/cells';
import type { RowEntry } from '../kube/row-index';
import type { TableColumn } from '../kube/table';

const SAMPLE = 200;
const MIN_CH = 6;
const MAX_CH = 48;
/** Cell padding (24px) in ch of the table font, roughly. */
const PADDING_CH = 4;
/** A meter's bar and percentage, whatever its text. */
const METER_CH = 18;

export function columnWidths(shown: { column: TableColumn; index: number }[], showNamespace: boolean, entries: readonly RowEntry[]): string[] {
  const sample = entries.slice(0, SAMPLE);
  const width = (header: string, texts: string[]) =>
    `${Math.min(MAX_CH, Math.max(MIN_CH, header.length + 2, ...texts.map((t) => t.length))) + PADDING_CH}ch`;
  const now = Date.now();
  const widths = shown.map(({ column, index }) =>
    column.format === METER_FORMAT ? `${METER_CH}ch` : width(column.name, sample.map((e) => cellText(e.row, column, index, now))),
  );
  return showNamespace ? [width('Namespace', sample.map((e) => e.namespace)), ...widths] : widths;
}
