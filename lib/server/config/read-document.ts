import "server-only";

import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { LineCounter, parseDocument } from "yaml";

import type { ConfigProblem } from "./problems";

export type DocumentRead =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; missing: boolean; problems: ConfigProblem[] };

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses the YAML config file; an empty file is an empty mapping. */
export function readConfigDocument(file: string): DocumentRead {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown error";
    const missing = code === "ENOENT";
    return {
      ok: false,
      missing,
      problems: [{ path: file, message: missing ? "does not exist" : `cannot be read (${code})` }],
    };
  }

  const lineCounter = new LineCounter();
  // prettyErrors would quote the offending source line, which may hold a password.
  const parsed = parseDocument(text, { lineCounter, prettyErrors: false });
  if (parsed.errors.length > 0) {
    const problems = parsed.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { path: `${basename(file)}:${line}:${col}`, message: `YAML syntax: ${error.message}` };
    });
    return { ok: false, missing: false, problems };
  }

  let document: unknown;
  try {
    document = parsed.toJS();
  } catch (error) {
    // e.g. an alias to an undefined anchor; yaml's message names the alias, not a value.
    const message = error instanceof Error ? error.message : "cannot be converted";
    return { ok: false, missing: false, problems: [{ path: basename(file), message: `YAML: ${message}` }] };
  }
  if (document === null || document === undefined) return { ok: true, document: {} };
  if (isMapping(document)) return { ok: true, document };
  return {
    ok: false,
    missing: false,
    problems: [{ path: "(root)", message: "the file must be a YAML mapping with a clusters: list" }],
  };
}
