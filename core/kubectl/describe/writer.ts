// kubectl's describe layout (pkg/describe's PrefixWriter and tabbedString): text written at
// levels of two spaces, with terminal escapes made harmless, then aligned by Go's tabwriter
// with minwidth 0 and padding 2, so "Name:\tweb" lines line up within each block.
import { alignColumns } from '../printers/tabwriter';

/** cli-runtime's WriteEscaped: ESC and CR cannot reach the terminal. */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export class DescribeWriter {
  private out = '';

  /** Text indented by `level` × two spaces (PrefixWriter.Write). */
  write(level: number, text: string): void {
    this.out += escapeTerminal('  '.repeat(level) + text);
  }

  /** The text and a newline, unindented (PrefixWriter.WriteLine). */
  line(text = ''): void {
    this.out += escapeTerminal(`${text}\n`);
  }

  /** Everything written, tabs left as they are (a PrefixWriter on a plain buffer). */
  text(): string {
    return this.out;
  }

  /** Everything written, aligned as tabbedString aligns it. */
  toString(): string {
    return tabbed(this.out);
  }
}

/** Go's tabwriter over tab-separated text: cells end with a tab, the text after a line's last tab is left as is. */
export function tabbed(text: string): string {
  const complete = text.endsWith('\n');
  const lines = (complete ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out = alignColumns(lines, { minWidth: 0, padding: 2 });
  return complete ? out : out.slice(0, -1);
}
