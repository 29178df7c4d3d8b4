// The string syntax of labels.Parse: a small lexer and recursive-descent parser with the same
// tokens, the same quirks ("in"/"notin" may be keys and values) and the same error messages.
import {
  LabelSelectorError,
  binaryOperators,
  keyError,
  newRequirement,
  type LabelOperator,
  type LabelRequirement,
  type Selector,
} from './label-requirement';

type Token =
  | 'error'
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

interface Item {
  tok: Token;
  literal: string;
}

// A Map, not an object: a word such as "constructor" is an identifier, not a token.
const literalTokens = new Map<string, Token>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
]);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch);

function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input[pos])) pos++;
    if (pos >= input.length) {
      items.push({ tok: 'end', literal: '' });
      return items;
    }
    if (isSpecial(input[pos])) {
      // Longest run of special characters that still forms a token ("!=", "==", ...).
      let buffer = '';
      let last: Item | undefined;
      while (pos < input.length && isSpecial(input[pos])) {
        buffer += input[pos];
        const tok = literalTokens.get(buffer);
        if (tok) last = { tok, literal: buffer };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'error', literal: `error expected: keyword found '${buffer}'` });
    } else {
      const start = pos;
      while (pos < input.length && !isSpecial(input[pos]) && !isWhitespace(input[pos])) pos++;
      const word = input.slice(start, pos);
      items.push({ tok: literalTokens.get(word) ?? 'identifier', literal: word });
    }
  }
}

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  // In value position the keywords "in" and "notin" are plain identifiers.
  private asValue(item: Item): Item {
    return item.tok === 'in' || item.tok === 'notin' ? { tok: 'identifier', literal: item.literal } : item;
  }
  private lookahead(values = true): Item {
    const item = this.items[this.position];
    return values ? this.asValue(item) : item;
  }
  private consume(values = true): Item {
    return values ? this.asValue(this.items[this.position++]) : this.items[this.position++];
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const { tok, literal } = this.lookahead();
      if (tok === 'end') return reqs;
      if (tok !== 'identifier' && tok !== '!') {
        throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        reqs.push(this.parseRequirement());
      } catch (e) {
        throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const next = this.consume();
      if (next.tok === 'end') return reqs;
      if (next.tok !== ',') throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.tok !== 'identifier' && after.tok !== '!') {
        throw new LabelSelectorError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator?: LabelOperator } {
    let operator: LabelOperator | undefined;
    let item = this.consume();
    if (item.tok === '!') {
      operator = '!';
      item = this.consume();
    }
    if (item.tok !== 'identifier') throw new Error(`found '${item.literal}', expected: identifier`);
    // The parser checks keys without a field path, hence Go's "<nil>" in these messages.
    const err = keyError(item.literal, '<nil>');
    if (err) throw new Error(err);
    const next = this.lookahead().tok;
    if ((next === 'end' || next === ',') && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  }

  private parseOperator(): LabelOperator {
    const { tok, literal } = this.consume(false);
    const ops: Partial<Record<Token, LabelOperator>> = {
      in: 'in',
      '=': '=',
      '==': '==',
      '>': 'gt',
      '<': 'lt',
      notin: 'notin',
      '!=': '!=',
    };
    const op = ops[tok];
    if (!op) throw new Error(`found '${literal}', expected: ${binaryOperators.join(', ')}`);
    return op;
  }

  private parseValues(): Set<string> {
    const open = this.consume();
    if (open.tok !== '(') throw new Error(`found '${open.literal}' expected: '('`);
    const { tok, literal } = this.lookahead();
    if (tok === ')') {
      this.consume();
      return new Set(['']);
    }
    if (tok !== 'identifier' && tok !== ',') throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
    const values = this.parseIdentifiersList();
    // Go reports the token seen before the list here, not the offending one.
    if (this.consume().tok !== ')') throw new Error(`found '${literal}', expected: ')'`);
    return values;
  }

  // A comma-separated list in which empty entries stand for the empty value: "(a,,b)", "(,a)".
  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { tok, literal } = this.consume();
      if (tok === 'identifier') {
        values.add(literal);
        const next = this.lookahead();
        if (next.tok === ',') continue;
        if (next.tok === ')') return values;
        throw new Error(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (tok !== ',') throw new Error(`found '${literal}', expected: ',', or identifier`);
      if (values.size === 0) values.add('');
      const next = this.lookahead().tok;
      if (next === ')') {
        values.add('');
        return values;
      }
      if (next === ',') values.add('');
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead().tok;
    if (next === 'end' || next === ',') return new Set(['']);
    const { tok, literal } = this.consume();
    if (tok === 'identifier') return new Set([literal]);
    throw new Error(`found '${literal}', expected: identifier`);
  }
}

/**
 * Parses a label selector string as labels.Parse does: `a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, and the numeric `a>1`, `a<1`. Requirements come back sorted by key.
 * Throws LabelSelectorError with Kubernetes' message when the string is malformed or invalid.
 */
export function parseLabelSelector(input: string): Selector {
  const reqs = new Parser(lex(input)).parse();
  return { requirements: reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}
