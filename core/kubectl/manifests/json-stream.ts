// A stream of JSON values read as Go's encoding/json Decoder reads it (what kubectl does when a
// manifest starts with "{"): values one after another, and the first syntax error reported in
// Go's words with its byte offset, "json: offset N: invalid character ...".

export class JsonStreamError extends Error {}

/** Go's quoteChar: how the scanner names a byte in its errors. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const quoted = JSON.stringify(c).slice(1, -1);
  return `'${quoted.replace(/\\u00([0-9a-f]{2})/g, '\\x$1')}'`;
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(context: string): never {
    if (this.pos >= this.text.length) throw new JsonStreamError('unexpected EOF');
    const offset = Buffer.byteLength(this.text.slice(0, this.pos + 1));
    throw new JsonStreamError(`json: offset ${offset}: invalid character ${quoteChar(this.text[this.pos]!)} ${context}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) if (c === word[0]) return this.literal(word);
    this.fail('looking for beginning of value');
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('after object key');
      this.pos++;
      this.value();
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return;
      if (c !== ',') {
        this.pos--;
        this.fail('after object key:value pair');
      }
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return;
      if (c !== ',') {
        this.pos--;
        this.fail('after array element');
      }
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c < ' ') this.fail('in string literal');
      if (c === '\\') {
        this.pos++;
        const e = this.text[this.pos];
        if (e === 'u') {
          for (let i = 0; i < 4; i++) {
            this.pos++;
            if (!/[0-9a-fA-F]/.test(this.text[this.pos] ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('in string escape code');
      }
      this.pos++;
    }
  }

  private digits(context: string): void {
    if (!/[0-9]/.test(this.text[this.pos] ?? '')) this.fail(context);
    while (/[0-9]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private number(): void {
    if (this.text[this.pos] === '-') this.pos++;
    if (this.text[this.pos] === '0') this.pos++;
    else this.digits('in numeric literal');
    if (this.text[this.pos] === '.') {
      this.pos++;
      this.digits('after decimal point in numeric literal');
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      this.digits('in exponent of numeric literal');
    }
  }

  private literal(word: string): void {
    for (let i = 1; i < word.length; i++) {
      this.pos++;
      if (this.text[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting '${word[i]}')`);
    }
    this.pos++;
  }
}

/**
 * Calls each with every complete value in order, then throws the stream's syntax error if it
 * has one (the values before it are still delivered, as kubectl acts on them).
 */
export function eachJsonValue(text: string, each: (value: unknown, raw: string) => void): void {
  const scanner = new Scanner(text);
  while (!scanner.atEnd()) {
    const start = scanner.pos;
    scanner.value();
    const raw = text.slice(start, scanner.pos);
    each(JSON.parse(raw), raw);
  }
}
