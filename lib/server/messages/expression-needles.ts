// Texts a JavaScript filter's matches must contain, found without running it. When every match
// needs `needle-0001`, a record batch whose bytes hold neither that text nor a backslash (a JSON
// escape could spell it otherwise) cannot match, and the search skips it without the sandbox.
//
// A wrong needle hides matching messages without a word, so only a tiny grammar is understood:
//   expression := conjunct ( "&&" conjunct )*
//   conjunct   := "(" expression ")" | operand comparison operand
//   operand    := chain | string | number | true | false | null
//   chain      := (value | key | headers) ( "." name | "?." name | "?."? "[" string "]" )*
// Nothing in it can call, assign or define anything, so no conjunct changes what a later one reads,
// and the whole is truthy only when every conjunct is. Anything else gives up (null).
import { tokenize, type Token } from "./expression-usage";

const COMPARISONS = new Set(["===", "!==", "==", "!=", "<", "<=", ">", ">="]);
/** The tokenizer splits `===` into single characters; a comparison is the run of these. */
const COMPARISON_CHARACTERS = new Set(["=", "!", "<", ">"]);
const ROOTS = new Set(["value", "key", "headers"]);
const LITERAL_NAMES = new Set(["true", "false", "null"]);
const NUMBER = /^\d+(\.\d+)?$/;
/** Not own data of a message: the prototype machinery. */
const UNSAFE_PROPERTY = /^(__|constructor$|prototype$)/;
// The lossy decoder writes U+FFFD for bytes that are not UTF-8, and never yields a lone surrogate
// (TextEncoder would write one as U+FFFD's bytes): such a literal's bytes need not be in the record.
const NOT_FROM_BYTES = /[\uD800-\uDFFF\uFFFD]/u;

const MAX_PARENTHESES_DEPTH = 32;

type Operand = { kind: "chain" } | { kind: "string"; text: string } | { kind: "constant" };

/**
 * Non-empty literals every message the expression matches holds in its key, value or header bytes
 * (as UTF-8, or spelled with JSON escapes: the caller also lets a backslash through); null when the
 * expression is outside the grammar above or guarantees nothing.
 */
export function requiredTexts(source: string): string[] | null {
  const tokens = tokenize(source);
  if (!tokens) return null;
  const parser = new NeedleParser(tokens);
  if (!parser.conjunction() || !parser.atEnd()) return null;
  return parser.needles.size > 0 ? [...parser.needles] : null;
}

class NeedleParser {
  readonly needles = new Set<string>();
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  atEnd() {
    return this.at === this.tokens.length;
  }

  conjunction(): boolean {
    if (!this.conjunct()) return false;
    while (this.isPunct("&") && this.isPunct("&", 1)) {
      this.at += 2;
      if (!this.conjunct()) return false;
    }
    return true;
  }

  private conjunct(): boolean {
    if (this.isPunct("(")) {
      // Deep nesting would overflow the stack here; nobody writes it by hand.
      if (++this.depth > MAX_PARENTHESES_DEPTH) return false;
      this.at++;
      if (!this.conjunction() || !this.isPunct(")")) return false;
      this.at++;
      this.depth--;
      return true;
    }
    const left = this.operand();
    const comparison = left && this.comparison();
    const right = comparison && this.operand();
    if (!left || !right) return false;
    // Only strict equality pins a string: `==` converts (`["a", "b"] == "a,b"`), `!==` and the
    // orderings hold for texts the message need not contain.
    if (comparison !== "===") return true;
    const [chain, literal] = left.kind === "chain" ? [left, right] : [right, left];
    if (chain.kind === "chain" && literal.kind === "string" && literal.text !== "")
      if (!NOT_FROM_BYTES.test(literal.text)) this.needles.add(literal.text);
    return true;
  }

  private operand(): Operand | null {
    const token = this.tokens[this.at];
    if (!token) return null;
    this.at++;
    if (token.kind === "string") return { kind: "string", text: token.text };
    if (token.kind === "other" && NUMBER.test(token.text)) return { kind: "constant" };
    if (token.kind !== "name") return null;
    if (LITERAL_NAMES.has(token.text)) return { kind: "constant" };
    if (!ROOTS.has(token.text)) return null;
    let accessors = 0;
    for (; ; accessors++) {
      const optional = this.isPunct("?.");
      if (optional) this.at++;
      const property = this.property(optional);
      if (property === null) {
        if (optional) return null;
        break;
      }
      if (UNSAFE_PROPERTY.test(property)) return null;
    }
    // `headers` itself is an object, never equal to a text; keep to what the grammar promises.
    return token.text === "headers" && accessors === 0 ? null : { kind: "chain" };
  }

  /** `.name`, `name` right after `?.`, or `["name"]`; null (nothing consumed) otherwise. */
  private property(afterOptional: boolean): string | null {
    const [first, second, third] = this.tokens.slice(this.at, this.at + 3);
    if (!afterOptional && first?.text === "." && first.kind === "punct" && second?.kind === "name") {
      this.at += 2;
      return second.text;
    }
    if (afterOptional && first?.kind === "name") {
      this.at += 1;
      return first.text;
    }
    if (this.isPunct("[") && second?.kind === "string" && third?.kind === "punct" && third.text === "]") {
      this.at += 3;
      return second.text;
    }
    return null;
  }

  /** The comparison made of the next operator characters, or null when they make none. */
  private comparison(): string | null {
    let operator = "";
    while (this.tokens[this.at]?.kind === "punct" && COMPARISON_CHARACTERS.has(this.tokens[this.at]!.text))
      operator += this.tokens[this.at++]!.text;
    return COMPARISONS.has(operator) ? operator : null;
  }

  private isPunct(text: string, ahead = 0) {
    const token = this.tokens[this.at + ahead];
    return token?.kind === "punct" && token.text === text;
  }
}
