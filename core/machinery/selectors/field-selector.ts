// Field selectors as k8s.io/apimachinery/pkg/fields: `a=b,c!=d,e==f`, with values escaped by
// backslashes (`\\`, `\,`, `\=`), matching against whatever fields a kind exposes.

export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  field: string;
  /** "==" parses to "=": Kubernetes treats the two the same. */
  operator: FieldOperator;
  value: string;
}

export interface FieldSelector {
  requirements: FieldRequirement[];
}

export class FieldSelectorError extends Error {
  override name = 'FieldSelectorError';
}

/** Escapes a value so it can be embedded in a selector string (fields.EscapeValue). */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** Reverses escapeFieldValue; bare `,` or `=` and unknown escapes are errors (fields.UnescapeValue). */
export function unescapeFieldValue(value: string): string {
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. as its code point.
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

// Splits on commas that are not escaped; escapes stay in the terms for unescapeFieldValue.
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

// "!=" and "==" are tried before "=" at each position, so "a==b" does not leave "=b" as value.
const termOperators = ['!=', '==', '='] as const;

function splitTerm(term: string): { field: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** Parses a field selector (fields.ParseSelector). Terms come back sorted as Kubernetes sorts them. */
export function parseFieldSelector(selector: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(selector).sort()) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (!parts) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const value = unescapeFieldValue(parts.rhs);
    requirements.push({ field: parts.field, operator: parts.op === '!=' ? '!=' : '=', value });
  }
  return { requirements };
}

/**
 * Does an object satisfy the selector? get returns the object's value for a field name, or
 * undefined when it has none; like Kubernetes, a missing field compares as "".
 */
export function matchesFields(selector: FieldSelector, get: (field: string) => string | undefined): boolean {
  return selector.requirements.every((r) => {
    const actual = get(r.field) ?? '';
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

/** The value a selector demands for a field with "=", if any (RequiresExactMatch). */
export function fieldExactMatch(selector: FieldSelector, field: string): string | undefined {
  return selector.requirements.find((r) => r.field === field && r.operator === '=')?.value;
}

/** The selector's string form, values escaped. */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
}
