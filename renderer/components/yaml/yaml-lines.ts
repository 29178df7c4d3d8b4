// Where things are in block-style YAML (as kubectl edit and js-yaml write it), read line by
// line: the line of a field path (to show a server error at its line) and the field path at
// the cursor (for completion). Flow style ({a: 1}) is not followed into.

/** A field path: keys, and item indexes of sequences ('[]' for "any item"). */
export type PathSegment = string | number;

interface LineInfo {
  /** Column of the first character. */
  indent: number;
  /** Starts with "- ": an item of a sequence. */
  dash: boolean;
  /** Column where the item's content (or the key) starts. */
  col: number;
  key?: string;
  /** The key has its value on the following lines (nothing after the colon). */
  block: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(?:\s+(.*))?$/;

export function lineInfo(text: string): LineInfo | undefined {
  const indent = text.search(/\S/);
  if (indent < 0 || text[indent] === '#' || text.startsWith('---') || text.startsWith('...')) return undefined;
  let col = indent;
  const dash = /^-(\s|$)/.test(text.slice(indent));
  if (dash) {
    const gap = text.slice(indent + 1).search(/\S/);
    col = indent + 1 + (gap < 0 ? 1 : gap);
  }
  const m = KEY.exec(text.slice(col).trimEnd());
  if (!m) return { indent, dash, col, block: false };
  const raw = m[1]!;
  const key = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1) : raw;
  const value = (m[2] ?? '').trim();
  return { indent, dash, col, key, block: value === '' || value.startsWith('#') };
}

/** 'spec.template.spec.containers[0].image' → ['spec', 'template', 'spec', 'containers', 0,
 *  'image']; map keys in brackets stay keys: metadata.annotations[a.b/c]. */
export function parseFieldPath(field: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

/**
 * The 1-based line of a field path in one YAML document, or of its deepest part present (a
 * missing field is reported where it would go); 1 when not even the first key is there.
 */
export function lineOfPath(text: string, path: PathSegment[]): number {
  const infos = text.split('\n').map(lineInfo);
  let from = 0;
  let to = infos.length;
  let found = 0;
  for (const seg of path) {
    const first = infos.slice(from, to).findIndex(Boolean);
    if (first < 0) break;
    const head = infos[from + first]!;
    let at = -1;
    if (typeof seg === 'number') {
      // Items are the dash lines at the sequence's own indent.
      let n = -1;
      for (let i = from; i < to && at < 0; i++) if (infos[i]?.dash && infos[i]!.indent === head.indent && ++n === seg) at = i;
      if (at < 0) break;
      let end = at + 1;
      while (end < to && !(infos[end] && infos[end]!.indent <= head.indent)) end++;
      [from, to, found] = [at, end, at];
      continue;
    }
    for (let i = from; i < to && at < 0; i++) if (infos[i]?.col === head.col && infos[i]!.key === seg) at = i;
    if (at < 0) break;
    const col = infos[at]!.col;
    let end = at + 1;
    // The value runs on while lines are deeper, or are items of a sequence at the key's column.
    while (end < to && !(infos[end] && (infos[end]!.indent < col || (infos[end]!.indent === col && !infos[end]!.dash)))) end++;
    [from, to, found] = [at + 1, end, at];
  }
  return found + 1;
}

/**
 * The path of the mapping the cursor's line belongs to: for "    repl" under spec: ['spec'];
 * inside containers: ['spec', 'template', 'spec', 'containers', '[]']. `lines` are the
 * document's lines, `line` the 0-based cursor line, `column` the cursor column when the line
 * has no content yet.
 */
export function pathAt(lines: string[], line: number, column: number): PathSegment[] {
  const path: PathSegment[] = [];
  const here = lineInfo(lines[line] ?? '');
  let col = here ? here.col : column;
  let seq = false; // col is a sequence item's dash column: its key sits at or left of it
  for (let i = here ? line : line - 1; i >= 0; i--) {
    const info = i === line ? here : lineInfo(lines[i]!);
    if (!info) continue;
    if (seq) {
      if (info.dash && info.indent === col) continue; // an earlier item of the same sequence
      if (info.col <= col && info.key !== undefined && info.block) {
        path.unshift(info.key);
        seq = info.dash;
        if (seq) path.unshift('[]');
        col = seq ? info.indent : info.col;
      }
      continue;
    }
    if (info.dash && info.col === col) {
      path.unshift('[]');
      [col, seq] = [info.indent, true];
    } else if (info.col < col && info.key !== undefined) {
      path.unshift(info.key);
      if (info.dash) {
        path.unshift('[]');
        [col, seq] = [info.indent, true];
      } else col = info.col;
    }
  }
  return path;
}
