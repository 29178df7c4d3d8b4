// Go's strconv.Quote (fmt's %q), for messages that quote user-supplied text as Kubernetes does.
// JSON.stringify differs: it writes \u001b for ESC and leaves DEL or U+2028 unescaped.

const NAMED: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function escapeRune(ch: string): string {
  if (ch === '"' || ch === '\\') return `\\${ch}`;
  if (PRINTABLE.test(ch)) return ch;
  if (NAMED[ch]) return NAMED[ch];
  const r = ch.codePointAt(0)!;
  // A lone surrogate cannot be sent as UTF-8: it arrives as U+FFFD, which Go prints as is.
  if (r >= 0xd800 && r <= 0xdfff) return '\ufffd';
  if (r < 0x20 || r === 0x7f) return `\\x${hex(r, 2)}`;
  return r < 0x10000 ? `\\u${hex(r, 4)}` : `\\U${hex(r, 8)}`;
}

/** "text" with Go's escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch);
  return `${out}"`;
}

/** %q of a []string: ["a" "b"]. */
export const goQuoteList = (list: string[]): string => `[${list.map(goQuote).join(' ')}]`;
