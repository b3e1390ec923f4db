// A JSON parser (RFC 8259) for requests that come from outside: unlike
// JSON.parse it refuses duplicate keys (which would let a checked value and a
// used value differ) and nesting deeper than a request ever needs, and it
// builds objects whose `__proto__` is an ordinary key that the schema refuses.

export const MAX_DEPTH = 8;

export class JsonError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at character ${offset}`);
    this.name = 'JsonError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.value(0);
    this.space();
    if (this.at !== this.text.length) throw new JsonError('Unexpected text after the value', this.at);
    return value;
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] ?? '')) this.at++;
  }

  private expect(literal: string): void {
    if (!this.text.startsWith(literal, this.at)) throw new JsonError(`Expected ${literal}`, this.at);
    this.at += literal.length;
  }

  private value(depth: number): unknown {
    this.space();
    const c = this.text[this.at];
    switch (c) {
      case '{':
        return this.object(depth + 1);
      case '[':
        return this.array(depth + 1);
      case '"':
        return this.string();
      case 't':
        this.expect('true');
        return true;
      case 'f':
        this.expect('false');
        return false;
      case 'n':
        this.expect('null');
        return null;
      default:
        return this.number();
    }
  }

  private enter(depth: number): void {
    if (depth > MAX_DEPTH) throw new JsonError(`Nested deeper than ${MAX_DEPTH} levels`, this.at);
    this.at++;
    this.space();
  }

  private object(depth: number): Record<string, unknown> {
    this.enter(depth);
    const result: Record<string, unknown> = {};
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new JsonError('Expected a key in double quotes', this.at);
      const keyAt = this.at;
      const key = this.string();
      if (Object.hasOwn(result, key)) throw new JsonError(`Duplicate key ${JSON.stringify(key)}`, keyAt);
      this.space();
      this.expect(':');
      // defineProperty: `__proto__` becomes an own key, not the prototype.
      Object.defineProperty(result, key, { value: this.value(depth), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect('}');
      return result;
    }
  }

  private array(depth: number): unknown[] {
    this.enter(depth);
    const result: unknown[] = [];
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth));
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      this.expect(']');
      return result;
    }
  }

  private string(): string {
    this.at++;
    let result = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new JsonError('Unterminated string', this.at);
      if (c === '"') {
        this.at++;
        return result;
      }
      if (c < ' ') throw new JsonError('Control character inside a string', this.at);
      if (c !== '\\') {
        result += c;
        this.at++;
        continue;
      }
      const e = this.text[this.at + 1] ?? '';
      if (e === 'u') {
        const hex = this.text.slice(this.at + 2, this.at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('Bad \\u escape', this.at);
        result += String.fromCharCode(parseInt(hex, 16));
        this.at += 6;
      } else {
        const escaped = ESCAPES[e];
        if (escaped === undefined) throw new JsonError('Bad escape', this.at);
        result += escaped;
        this.at += 2;
      }
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonError('Expected a value', this.at);
    this.at += match[0].length;
    return Number(match[0]);
  }
}

export function parseStrictJson(text: string): unknown {
  return new Parser(text).parseDocument();
}
