// YAML exactly as kubectl writes it: sigs.k8s.io/yaml turns the object into JSON, reads that
// back with go-yaml v2 and marshals it with go-yaml v2's encoder and emitter (a port of
// libyaml). js-yaml cannot be configured into that output (it has no per-scalar choice of
// plain, single-quoted, double-quoted and literal styles by libyaml's rules, no folding of long
// plain and quoted scalars at 80 columns, and sorts keys differently), so this is our own small
// emitter for JSON data, following go-yaml's state machine for block collections and scalars.
import { goNumberText, isBase60Float, resolvesToNonString } from './go-yaml-resolve';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const isBreak = (c: string | undefined) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** libyaml's is_printable, by code point (emitting as unicode, as go-yaml does). */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** yaml_emitter_analyze_scalar: which styles can carry this text (block context). */
function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  });
  const a: Analysis = { multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.singleQuoted = a.blockPlain = false;
  if (spaceBreak || special) a.blockPlain = a.singleQuoted = a.block = false;
  return a;
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escape(c: string): string {
  if (ESCAPES[c]) return `\\${ESCAPES[c]}`;
  const cp = c.codePointAt(0)!;
  const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${cp.toString(16).toUpperCase().padStart(width, '0')}`;
}

class Emitter {
  out = '';
  private column = 0;
  private indent = -1;
  private whitespace = true;
  private indention = true;

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: a line break of the value itself. */
  private writeBreak(c: string): void {
    this.out += c;
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** increase_indent, run around `body`, restoring the indentation after it. */
  private indented(flow: boolean, indentless: boolean, body: () => void): void {
    const saved = this.indent;
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
    body();
    this.indent = saved;
  }

  document(value: unknown): string {
    this.node(value, {});
    // The encoder clears open_ended before the stream ends: no "..." after a root scalar or |+.
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, ctx: { mapping?: boolean; simpleKey?: boolean }): void {
    if (Array.isArray(value)) return this.sequence(value, !!ctx.mapping);
    if (value !== null && typeof value === 'object') return this.mapping(value as Record<string, unknown>);
    if (typeof value === 'string') return this.string(value, ctx);
    const text = typeof value === 'number' ? goNumberText(value) : value === true ? 'true' : value === false ? 'false' : 'null';
    this.scalar([...text], 'plain', ctx);
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    this.indented(false, mappingContext && !this.indention, () => {
      for (const item of items) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.node(item, {});
      }
    });
  }

  private mapping(map: Record<string, unknown>): void {
    const keys = Object.keys(map).sort(goYamlKeyCompare);
    if (keys.length === 0) return this.emptyFlow('{', '}');
    this.indented(false, false, () => {
      for (const key of keys) {
        this.writeIndent();
        const chars = [...key];
        if (!analyze(chars).multiline && Buffer.byteLength(key) <= 128) {
          this.node(key, { mapping: true, simpleKey: true });
          this.writeIndicator(':', false, false, false);
        } else {
          this.writeIndicator('?', true, false, true);
          this.node(key, { mapping: true });
          this.writeIndent();
          this.writeIndicator(':', true, false, true);
        }
        this.node(map[key], { mapping: true });
      }
    });
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  /** The encoder's choice (stringv): literal if multi-line, plain if it reads back as a string, else double-quoted. */
  private string(s: string, ctx: { simpleKey?: boolean }): void {
    const style: Style = s.includes('\n') ? 'literal' : !resolvesToNonString(s) && !isBase60Float(s) ? 'plain' : 'double';
    this.scalar([...s], style, ctx);
  }

  /** yaml_emitter_select_scalar_style, then the scalar written one indentation step in. */
  private scalar(chars: string[], requested: Style, ctx: { simpleKey?: boolean }): void {
    const a = analyze(chars);
    let style = requested;
    if (ctx.simpleKey && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlain || (chars.length === 0 && ctx.simpleKey))) style = 'single';
    if (style === 'single' && !a.singleQuoted) style = 'double';
    if (style === 'literal' && (!a.block || ctx.simpleKey)) style = 'double';
    const allowBreaks = !ctx.simpleKey;
    this.indented(true, false, () => {
      if (style === 'plain') this.plain(chars, allowBreaks);
      else if (style === 'single') this.singleQuoted(chars, allowBreaks);
      else if (style === 'double') this.doubleQuoted(chars, allowBreaks);
      else this.literal(chars);
    });
  }

  private plain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml tests for a BOM at the start of the value, not at each character.
    const bom = chars[0] === '\ufeff';
    let spaces = false;
    chars.forEach((c, i) => {
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        const e = escape(c);
        this.out += e;
        this.column += e.length;
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(chars: string[]): void {
    this.writeIndicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = chars.length;
    const chomp = !isBreak(chars[n - 1]) ? '-' : n === 1 || isBreak(chars[n - 2]) ? '+' : '';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);

/** go-yaml v2's key order (sorter.go keyList.Less): letters before others, digit runs numerically. */
export function goYamlKeyCompare(a: string, b: string): number {
  const less = (x: string[], y: string[]): boolean => {
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] === y[i]) continue;
      const xl = isLetter(x[i]!);
      const yl = isLetter(y[i]!);
      if (xl && yl) return x[i]!.codePointAt(0)! < y[i]!.codePointAt(0)!;
      if (xl || yl) return yl;
      let xn = 0;
      let yn = 0;
      if (x[i] === '0' || y[i] === '0') {
        for (let j = i - 1; j >= 0 && isDigit(x[j]); j--) {
          if (x[j] !== '0') {
            xn = yn = 1;
            break;
          }
        }
      }
      let xi = i;
      let yi = i;
      for (; xi < x.length && isDigit(x[xi]); xi++) xn = xn * 10 + (x[xi]!.codePointAt(0)! - 48);
      for (; yi < y.length && isDigit(y[yi]); yi++) yn = yn * 10 + (y[yi]!.codePointAt(0)! - 48);
      if (xn !== yn) return xn < yn;
      if (xi !== yi) return xi < yi;
      return x[i]!.codePointAt(0)! < y[i]!.codePointAt(0)!;
    }
    return x.length < y.length;
  };
  const x = [...a];
  const y = [...b];
  return less(x, y) ? -1 : less(y, x) ? 1 : 0;
}

/** A JSON value as sigs.k8s.io/yaml.Marshal writes it. */
export function goYaml(value: unknown): string {
  return new Emitter().document(value);
}
