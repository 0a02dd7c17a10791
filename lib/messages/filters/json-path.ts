// The JSON path filter: `$.device_id == "4412abe2"`, `$.temp > 30`, `$["odd key"][0] != null`,
// `$.tags contains "eu"`, `exists($.error)`, `$.error` (present and not null), combined with
// `&&`, `||`, `!` and parentheses. Parsed once per search; evaluated on each message's parsed value.
// Pure: the browser uses it to reject a bad path before a search starts.

export type JsonPathSegment = string | number;
export type JsonLiteral = string | number | boolean | null;
export const JSON_PATH_OPERATORS = ["==", "!=", ">=", "<=", ">", "<", "contains"] as const;
export type JsonPathOperator = (typeof JSON_PATH_OPERATORS)[number];

export type JsonPathExpression =
  | { kind: "exists"; path: JsonPathSegment[] }
  | { kind: "compare"; path: JsonPathSegment[]; operator: JsonPathOperator; literal: JsonLiteral }
  | { kind: "not"; operand: JsonPathExpression }
  | { kind: "and" | "or"; left: JsonPathExpression; right: JsonPathExpression };

export type JsonPathParse =
  { ok: true; expression: JsonPathExpression } | { ok: false; message: string; position: number };

class JsonPathSyntax extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const IDENTIFIER = /[\p{L}\p{N}_$-]/u;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "/": "/" };

export function parseJsonPath(text: string): JsonPathParse {
  const parser = new Parser(text);
  try {
    return { ok: true, expression: parser.parse() };
  } catch (error) {
    if (error instanceof JsonPathSyntax)
      return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): JsonPathExpression {
    const expression = this.or();
    this.skipSpace();
    if (this.at < this.text.length) this.fail(`Expected && or || after ${this.lastToken()}`);
    return expression;
  }

  private or(): JsonPathExpression {
    let left = this.and();
    while (this.take("||")) left = { kind: "or", left, right: this.and() };
    return left;
  }

  private and(): JsonPathExpression {
    let left = this.unary();
    while (this.take("&&")) left = { kind: "and", left, right: this.unary() };
    return left;
  }

  private unary(): JsonPathExpression {
    this.skipSpace();
    if (this.text[this.at] === "!" && this.text[this.at + 1] !== "=") {
      this.at++;
      return { kind: "not", operand: this.unary() };
    }
    if (this.take("(")) {
      const inner = this.or();
      if (!this.take(")")) this.fail("Expected )");
      return inner;
    }
    if (this.text.startsWith("exists", this.at)) {
      this.at += "exists".length;
      if (!this.take("(")) this.fail("Expected ( after exists");
      const path = this.path();
      if (!this.take(")")) this.fail("Expected ) after the path");
      return { kind: "exists", path };
    }
    const start = this.at;
    const path = this.path();
    const pathText = this.text.slice(start, this.at);
    this.skipSpace();
    if (
      this.at >= this.text.length ||
      this.text.startsWith("&&", this.at) ||
      this.text.startsWith("||", this.at) ||
      this.text[this.at] === ")"
    )
      return { kind: "exists", path };
    const operator = JSON_PATH_OPERATORS.find((candidate) => this.text.startsWith(candidate, this.at));
    if (!operator) this.fail(`Expected an operator after ${pathText}`);
    this.at += operator.length;
    return { kind: "compare", path, operator, literal: this.literal(operator) };
  }

  private path(): JsonPathSegment[] {
    this.skipSpace();
    if (this.text[this.at] !== "$") this.fail("Expected a path starting with $");
    this.at++;
    const segments: JsonPathSegment[] = [];
    for (;;) {
      const char = this.text[this.at];
      if (char === ".") {
        this.at++;
        const start = this.at;
        while (this.at < this.text.length && IDENTIFIER.test(this.text[this.at]!)) this.at++;
        if (this.at === start) this.fail('Expected a property name after "."');
        segments.push(this.text.slice(start, this.at));
      } else if (char === "[") {
        this.at++;
        this.skipSpace();
        const quote = this.text[this.at];
        if (quote === '"' || quote === "'") segments.push(this.string());
        else {
          NUMBER.lastIndex = this.at;
          const match = NUMBER.exec(this.text);
          if (!match || !Number.isInteger(Number(match[0])))
            this.fail('Expected an index (a whole number) or a quoted name after "["');
          segments.push(Number(match[0]));
          this.at += match[0].length;
        }
        if (!this.take("]")) this.fail("Expected ]");
      } else return segments;
    }
  }

  private literal(operator: string): JsonLiteral {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '"' || char === "'") return this.string();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.at) && !IDENTIFIER.test(this.text[this.at + word.length] ?? " ")) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match && !IDENTIFIER.test(this.text[this.at + match[0].length] ?? " ")) {
      this.at += match[0].length;
      return Number(match[0]);
    }
    this.fail(`Expected a string, number, true, false or null after ${operator}`);
  }

  private string(): string {
    const quote = this.text[this.at];
    const start = this.at++;
    let value = "";
    while (this.at < this.text.length) {
      const char = this.text[this.at++]!;
      if (char === quote) return value;
      if (char !== "\\") {
        value += char;
        continue;
      }
      const escape = this.text[this.at++];
      if (escape === "u") {
        const hex = this.text.slice(this.at, this.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Expected 4 hexadecimal digits after \\u", this.at);
        value += String.fromCharCode(parseInt(hex, 16));
        this.at += 4;
      } else if (escape === undefined) break;
      else value += ESCAPES[escape] ?? escape;
    }
    this.fail(`Expected the closing ${quote} of the string started at position ${start}`);
  }

  private take(token: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private skipSpace() {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private lastToken(): string {
    const before = this.text.slice(0, this.at).trimEnd();
    return before.length > 20 ? `…${before.slice(-20)}` : before;
  }

  private fail(message: string, position?: number): never {
    this.skipSpace();
    const where = position ?? this.at;
    throw new JsonPathSyntax(`${message} at position ${where}`, where);
  }
}

const MISSING = Symbol("missing");

function resolve(path: readonly JsonPathSegment[], root: unknown): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return MISSING;
      const index = segment < 0 ? current.length + segment : segment;
      if (index < 0 || index >= current.length) return MISSING;
      current = current[index];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current)) return MISSING;
      if (!Object.hasOwn(current, segment)) return MISSING;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

function compare(found: unknown, operator: JsonPathOperator, literal: JsonLiteral): boolean {
  switch (operator) {
    case "==":
      // A missing property equals null, so `$.x == null` means "absent or null".
      return found === MISSING ? literal === null : found === literal;
    case "!=":
      return !compare(found, "==", literal);
    case "contains":
      if (typeof found === "string") return typeof literal === "string" && found.includes(literal);
      return Array.isArray(found) && found.includes(literal);
    default: {
      const comparable =
        (typeof found === "number" && typeof literal === "number") ||
        (typeof found === "string" && typeof literal === "string");
      if (!comparable) return false;
      const [a, b] = [found as number | string, literal as number | string];
      if (operator === ">") return a > b;
      if (operator === ">=") return a >= b;
      if (operator === "<") return a < b;
      return a <= b;
    }
  }
}

/** Whether a parsed JSON value satisfies the expression. */
export function evaluateJsonPath(expression: JsonPathExpression, root: unknown): boolean {
  switch (expression.kind) {
    case "exists": {
      const found = resolve(expression.path, root);
      return found !== MISSING && found !== null;
    }
    case "compare":
      return compare(resolve(expression.path, root), expression.operator, expression.literal);
    case "not":
      return !evaluateJsonPath(expression.operand, root);
    case "and":
      return evaluateJsonPath(expression.left, root) && evaluateJsonPath(expression.right, root);
    case "or":
      return evaluateJsonPath(expression.left, root) || evaluateJsonPath(expression.right, root);
  }
}

/**
 * Text that every matching JSON document contains verbatim unless it contains a backslash (a JSON
 * string without escapes appears as is in its document). Lets a search skip parsing most values.
 */
export function requiredJsonText(expression: JsonPathExpression): string | null {
  switch (expression.kind) {
    case "compare":
      if (typeof expression.literal !== "string" || expression.literal === "") return null;
      return expression.operator === "==" || expression.operator === "contains" ? expression.literal : null;
    case "and": {
      const left = requiredJsonText(expression.left);
      const right = requiredJsonText(expression.right);
      return (left?.length ?? 0) >= (right?.length ?? 0) ? left : right;
    }
    default:
      return null;
  }
}
