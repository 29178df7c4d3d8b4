// Column alignment as kubectl's printers do it: Go's text/tabwriter with minwidth 6, padding 3
// and spaces (cli-runtime's GetNewTabWriter). Each cell but a line's last is padded to its
// column's widest cell plus the padding; a column's width holds over a block of consecutive
// lines that all have that column, so a blank line between two tables aligns them apart.

const MIN_WIDTH = 6;
const PADDING = 3;

/** Width in runes, as Go counts it. */
const runes = (s: string) => [...s].length;

/**
 * Go tabwriter settings; kubectl's describers use minWidth 0 and padding 2. `remembered`:
 * kubectl's tabwriter (github.com/liggitt/tabwriter, RememberWidths) never lets a column shrink
 * below the widest it has printed, across blocks and flushes; pass the same array to later calls
 * to keep the widths (a watch's rows, custom columns split by a line break).
 */
export interface TabSettings {
  minWidth?: number;
  padding?: number;
  remembered?: number[];
}

export function alignColumns(lines: string[][], settings: TabSettings = {}): string {
  const out: string[] = lines.map(() => '');
  format(lines, out, 0, 0, lines.length, [], { minWidth: settings.minWidth ?? MIN_WIDTH, padding: settings.padding ?? PADDING, remembered: settings.remembered });
  return out.map((l) => l + '\n').join('');
}

/** Formats column `column` of lines [from, to), as tabwriter.format does, recursively per block. */
function format(lines: string[][], out: string[], column: number, from: number, to: number, left: number[], settings: { minWidth: number; padding: number; remembered?: number[] }): void {
  let line = from;
  while (line < to) {
    // Lines whose last cell is at or before this column just take their trailing text.
    if (column >= lines[line]!.length - 1) {
      if (column === lines[line]!.length - 1) out[line] += lines[line]![column] ?? '';
      line++;
      continue;
    }
    // A block: consecutive lines with a cell in this column that is not their last.
    let end = line;
    let width = settings.minWidth;
    while (end < to && column < lines[end]!.length - 1) {
      width = Math.max(width, runes(lines[end]![column]!) + settings.padding);
      end++;
    }
    const remembered = settings.remembered;
    if (remembered) {
      if (remembered.length < column) remembered.push(...left.slice(remembered.length));
      if (remembered.length === column) remembered.push(width);
      else if (remembered[column]! > width) width = remembered[column]!;
      else remembered[column] = width;
    }
    for (let i = line; i < end; i++) out[i] += lines[i]![column]! + ' '.repeat(width - runes(lines[i]![column]!));
    format(lines, out, column + 1, line, end, [...left, width], settings);
    line = end;
  }
}
