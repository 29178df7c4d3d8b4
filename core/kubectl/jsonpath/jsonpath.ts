// Running a kubectl JSONPath template on decoded JSON, as client-go's JSONPath.Execute does:
// each action's results printed (strings raw, maps and lists as JSON, several results joined by
// spaces), {range}...{end} repeating the nodes between them per result, missing keys either
// skipped (kubectl get's default, --allow-missing-template-keys) or "X is not found".
import { goJson, goSprint, goTypeName } from './go-format';
import { parseJsonPath, type JpList, type JpNode } from './parser';

/** A value found, or a literal of the template (ints and floats stay apart, as Go's kinds). */
type Value = unknown;

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** jsonpath-as-json: each action's results as one indented JSON array. */
  outputJson?: boolean;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

/** The filter's literals carry their Go kind; values from the data are int64 when integral. */
class Literal {
  constructor(
    readonly value: number,
    readonly kind: 'int' | 'float',
  ) {}
}

function kindOf(v: Value): Kind {
  if (v instanceof Literal) return v.kind;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'invalid';
}

const plain = (v: Value) => (v instanceof Literal ? v.value : v);

/** text/template's eq / lt, as the forked copy in client-go compares. */
function compare(op: string, a: Value, b: Value): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'invalid' || kb === 'invalid') throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error('incompatible types for comparison');
  const x = plain(a) as number | string | boolean;
  const y = plain(b) as number | string | boolean;
  const less = () => {
    if (ka === 'bool') throw new Error('invalid type for comparison');
    return x < y;
  };
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return less();
    case '<=':
      return less() || x === y;
    case '>':
      return !(less() || x === y);
    case '>=':
      return !less();
    default:
      throw new Error(`unrecognized filter operator ${op}`);
  }
}

export class JsonPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd: JpNode | undefined;

  constructor(
    private readonly root: JpList,
    private readonly opts: JsonPathOptions = {},
  ) {}

  static parse(template: string, opts?: JsonPathOptions): JsonPath {
    return new JsonPath(parseJsonPath(template), opts);
  }

  /** The results of each action (client-go's FindResults). */
  findResults(data: unknown, nodes: JpNode[] = this.root.nodes): Value[][] {
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk([data], node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length) for (const value of results) full.push(...this.findResults(value, nodes.slice(i + 1)));
        else this.findResults(null, nodes.slice(i + 1));
        this.inRange--;
        const end = nodes.indexOf(this.lastEnd!, i + 1);
        if (end >= 0) i = end;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  execute(data: unknown): string {
    return this.findResults(data).map((r) => this.printResults(r)).join('');
  }

  private printResults(results: Value[]): string {
    if (this.opts.outputJson) return `${goJson(results.map(plain), '    ')}\n`;
    return results
      .map((r) => {
        const v = plain(r);
        if (Array.isArray(v) || isMap(v)) return goJson(v);
        return v === null || v === undefined ? 'null' : goSprint(v);
      })
      .join(' ');
  }

  private walk(input: Value[], node: JpNode): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce((cur, n) => this.walk(cur, n), input);
      case 'text':
        return [node.text];
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return this.array(input, node);
      case 'filter':
        return this.filter(input, node);
      case 'int':
      case 'float':
        return input.map(() => new Literal(node.value, node.type));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, l));
      case 'identifier':
        return this.identifier(input, node.name);
    }
  }

  private identifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new Error('not in range, nothing to end');
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private field(input: Value[], name: string): Value[] {
    if (!input.length) return [];
    const results: Value[] = [];
    for (const v of input) if (isMap(v) && Object.hasOwn(v, name)) results.push(v[name]);
    if (!results.length && !this.opts.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private array(input: Value[], node: Extract<JpNode, { type: 'array' }>): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new Error(`${goTypeName(v)} is not array or slice`);
      const [p0, p1, p2] = node.params;
      const len = v.length;
      let from = p0.known ? p0.value : 0;
      if (from < 0) from += len;
      let to = p1.known ? p1.value : len;
      if (to < 0 || (to === 0 && p1.derived)) to += len;
      if (to === from) return result;
      if (from >= len || from < 0) throw new Error(`array index out of bounds: index ${from}, length ${len}`);
      if (to > len || to < 0) throw new Error(`array index out of bounds: index ${to - 1}, length ${len}`);
      if (from > to) throw new Error(`starting index ${from} is greater than ending index ${to}`);
      if (p2.known && p2.value <= 0) throw new Error('step must be > 0');
      const step = p2.known ? p2.value : 1;
      for (let i = from; i < to; i += step) result.push(v[i]);
    }
    return result;
  }

  private filter(input: Value[], node: Extract<JpNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new Error(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        try {
          lefts = this.walk([item], node.left);
        } catch (err) {
          if (node.op === 'exists') continue;
          throw err;
        }
        if (node.op === 'exists') {
          if (lefts.length) results.push(item);
          continue;
        }
        if (!lefts.length) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (!rights.length) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  private recursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      const kids = children(v);
      if (kids.length) result.push(v, ...this.recursive(kids));
    }
    return result;
  }
}

/** A map's values (Go's map order is random; kubectl's output then is too, we take key order), a list's items, a string's bytes. */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.values(v);
  if (typeof v === 'string') return [...Buffer.from(v)];
  return [];
}
