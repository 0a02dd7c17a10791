import "server-only";

import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import type { PathResolver, ResolvedValue, ValueResolver } from "@/lib/schemas/config";

import type { EnvironmentVariables } from "./env-overrides";

/** Reads `{ file }` (relative to baseDir, the config file's directory) and `{ env }` value sources. */
export function createValueResolver(baseDir: string, env: EnvironmentVariables): ValueResolver {
  return (reference) => {
    if ("file" in reference) return readValueFile(reference.file, baseDir);
    const value = env[reference.env];
    return value === undefined
      ? { ok: false, message: `environment variable ${reference.env} is not set` }
      : { ok: true, value };
  };
}

/** Resolves configured paths (server.dataDir, server.storePath) against baseDir, the config file's directory. */
export function createPathResolver(baseDir: string): PathResolver {
  // Operator paths read at run time: not build inputs for Next's output file tracing.
  return (...segments) => resolve(/* turbopackIgnore: true */ baseDir, ...segments);
}

function readValueFile(file: string, baseDir: string): ResolvedValue {
  const absolute = resolve(/* turbopackIgnore: true */ baseDir, file);
  try {
    // Secret files (Docker, Kubernetes, `echo > file`) often end with a newline that is not part of the value.
    return { ok: true, value: readFileSync(absolute, "utf8").replace(/(?:\r?\n)+$/, "") };
  } catch (error) {
    const where = absolute === file ? `file ${file}` : `file ${file} (resolved to ${absolute})`;
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown error";
    const reasons: Record<string, string> = {
      ENOENT: "does not exist",
      EACCES: "is not readable by the console (permission denied)",
      EISDIR: "is a directory",
    };
    return { ok: false, message: `${where} ${reasons[code] ?? `cannot be read (${code})`}` };
  }
}
