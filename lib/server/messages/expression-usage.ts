// Which message fields a JavaScript filter reads, found by scanning its tokens. Loading a whole
// 1 KiB JSON value into the sandbox costs more than evaluating most filters, so when the expression
// only reads `value.a` and `value["b"]` the sandbox receives an object holding just `a` and `b`.
// Conservative: anything it cannot follow (template literals, eval, arguments, `value` used as a
// whole) means "everything".

export interface ExpressionUsage {
  key: boolean;
  headers: boolean;
  /** false: unused; "whole": the full value; a list: only these top-level properties are read. */
  value: false | "whole" | string[];
}

const EVERYTHING: ExpressionUsage = { key: true, headers: true, value: "whole" };
const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[\w$]/;
/** After these a `/` starts a regular expression, not a division. */
const BEFORE_REGEX_WORDS = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "case",
]);

export type Token = { kind: "name" | "string" | "punct" | "other"; text: string };

export function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (/\s/.test(char)) at++;
    else if (source.startsWith("//", at))
      at = source.indexOf("\n", at) === -1 ? source.length : source.indexOf("\n", at);
    else if (source.startsWith("/*", at)) {
      const end = source.indexOf("*/", at + 2);
      at = end === -1 ? source.length : end + 2;
    } else if (char === "`") return null;
    else if (char === '"' || char === "'") {
      let end = at + 1;
      let text = "";
      while (end < source.length && source[end] !== char) {
        if (source[end] === "\\") return null; // escapes are rare here; keep the scanner small
        text += source[end++];
      }
      tokens.push({ kind: "string", text });
      at = end + 1;
    } else if (IDENTIFIER_START.test(char)) {
      let end = at + 1;
      while (end < source.length && IDENTIFIER_PART.test(source[end]!)) end++;
      tokens.push({ kind: "name", text: source.slice(at, end) });
      at = end;
    } else if (char === "/") {
      const previous = tokens.at(-1);
      const division =
        previous &&
        ((previous.kind === "name" && !BEFORE_REGEX_WORDS.has(previous.text)) ||
          previous.kind === "string" ||
          previous.kind === "other" ||
          previous.text === ")" ||
          previous.text === "]");
      if (division) {
        tokens.push({ kind: "punct", text: "/" });
        at++;
        continue;
      }
      let end = at + 1;
      for (let inClass = false; end < source.length && (inClass || source[end] !== "/"); end++) {
        if (source[end] === "\\") end++;
        else if (source[end] === "[") inClass = true;
        else if (source[end] === "]") inClass = false;
      }
      tokens.push({ kind: "other", text: "regex" });
      at = end + 1;
      while (at < source.length && IDENTIFIER_PART.test(source[at]!)) at++;
    } else if (/\d/.test(char)) {
      let end = at + 1;
      while (end < source.length && /[\w.]/.test(source[end]!)) end++;
      tokens.push({ kind: "other", text: source.slice(at, end) });
      at = end;
    } else if (source.startsWith("?.", at) && !/\d/.test(source[at + 2] ?? "")) {
      tokens.push({ kind: "punct", text: "?." });
      at += 2;
    } else if (source.startsWith("...", at)) {
      tokens.push({ kind: "punct", text: "..." });
      at += 3;
    } else {
      tokens.push({ kind: "punct", text: char });
      at++;
    }
  }
  return tokens;
}

export function expressionUsage(source: string): ExpressionUsage {
  const tokens = tokenize(source);
  if (!tokens) return EVERYTHING;
  const usage: ExpressionUsage = { key: false, headers: false, value: false };
  const properties = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== "name") continue;
    const previous = tokens[index - 1];
    if (previous?.kind === "punct" && (previous.text === "." || previous.text === "?.")) continue;
    if (token.text === "eval" || token.text === "arguments") return EVERYTHING;
    if (token.text === "key") usage.key = true;
    else if (token.text === "headers") usage.headers = true;
    else if (token.text === "value" && usage.value !== "whole") {
      const [next, name, close] = [tokens[index + 1], tokens[index + 2], tokens[index + 3]];
      if ((next?.text === "." || next?.text === "?.") && name?.kind === "name") properties.add(name.text);
      else if (next?.text === "[" && name?.kind === "string" && close?.text === "]")
        properties.add(name.text);
      else usage.value = "whole";
    }
  }
  // `value.hasOwnProperty(…)`, `value.valueOf()` and the like look at the whole object.
  if ([...properties].some((name) => name in Object.prototype)) usage.value = "whole";
  if (usage.value !== "whole" && properties.size > 0) usage.value = [...properties];
  return usage;
}
