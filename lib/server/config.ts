import "server-only";

import { dirname, resolve } from "node:path";

import type { ClusterConnection } from "@/lib/schemas/cluster";
import {
  type CaSettings,
  consoleConfigSchema,
  type MessageSettings,
  type ServerSettings,
} from "@/lib/schemas/config";
import type { LagHistorySettings } from "@/lib/schemas/lag-history-config";
import type { RestProxySettings } from "@/lib/schemas/rest-proxy-config";
import type { AuthConfigSettings } from "@/lib/schemas/auth-config";

import {
  applyEnvOverrides,
  attributeToOverrides,
  type EnvironmentVariables,
  readEnvOverrides,
} from "./config/env-overrides";
import { type ConfigProblem, problemsFromIssues, requiredFieldMessage } from "./config/problems";
import { readConfigDocument } from "./config/read-document";
import { createPathResolver, createValueResolver } from "./config/resolve-value";

export type { EnvironmentVariables } from "./config/env-overrides";
export type { ConfigProblem } from "./config/problems";

/** The validated configuration: secrets and PEM files already resolved to their contents. */
export interface ConsoleConfig {
  clusters: ClusterConnection[];
  /** The cluster the addresses without one lead to; absent: the first. */
  defaultCluster?: string;
  server: ServerSettings;
  ca: CaSettings;
  messages: MessageSettings;
  lagHistory: LagHistorySettings;
  restProxy: RestProxySettings;
  /** Local accounts and single sign-on (OIDC). */
  auth: AuthConfigSettings;
}

export type ConfigLoadResult =
  | { ok: true; config: ConsoleConfig; source: string }
  | { ok: false; problems: ConfigProblem[]; source: string };

export const DEFAULT_CONFIG_FILE = "console.config.yaml";

/**
 * Reads the YAML file (CONSOLE_CONFIG, default ./console.config.yaml), applies CONSOLE__* overrides and
 * validates the result. Never throws: every problem comes back at once, each with its field path.
 */
export function loadConfig(options: { path?: string; env?: EnvironmentVariables } = {}): ConfigLoadResult {
  const env = options.env ?? process.env;
  const requestedPath = options.path ?? (env.CONSOLE_CONFIG || undefined);
  // Read at run time from the operator's path: not a build input for Next's output file tracing.
  const file = resolve(/* turbopackIgnore: true */ requestedPath ?? DEFAULT_CONFIG_FILE);
  try {
    return loadFile(file, requestedPath !== undefined, env);
  } catch (error) {
    // A bug here must still end in a readable message on the boot path, not a stack trace.
    const reason = error instanceof Error ? error.message : "unknown error";
    return {
      ok: false,
      source: file,
      problems: [{ path: "(config)", message: `loading failed: ${reason}` }],
    };
  }
}

function loadFile(file: string, requested: boolean, env: EnvironmentVariables): ConfigLoadResult {
  const { overrides, problems: overrideProblems } = readEnvOverrides(env);
  const read = readConfigDocument(file);
  // Containers may configure the console with CONSOLE__* variables alone, unless a file was asked for.
  const envOnly = !read.ok && read.missing && !requested && overrides.length > 0;
  if (!read.ok && !envOnly) {
    const hint =
      "copy console.config.example.yaml to console.config.yaml, or point CONSOLE_CONFIG at your file";
    const fileProblems = read.missing ? [{ path: file, message: `does not exist; ${hint}` }] : read.problems;
    return { ok: false, source: file, problems: [...fileProblems, ...overrideProblems] };
  }

  const source = envOnly ? `CONSOLE__* environment variables (no file at ${file})` : file;
  const document = read.ok ? read.document : {};
  const problems = [...overrideProblems, ...applyEnvOverrides(document, overrides)];
  const baseDir = dirname(file);
  const schema = consoleConfigSchema(createValueResolver(baseDir, env), createPathResolver(baseDir));
  const parsed = schema.safeParse(document, { error: requiredFieldMessage });
  if (!parsed.success)
    problems.push(...attributeToOverrides(problemsFromIssues(parsed.error.issues), overrides));
  if (!parsed.success || problems.length > 0) return { ok: false, source, problems };

  const config: ConsoleConfig = parsed.data;
  return { ok: true, config, source };
}

/** Multi-line text for stderr: where the configuration came from and one line per problem. */
export function formatConfigProblems(result: Extract<ConfigLoadResult, { ok: false }>): string {
  const count = result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`;
  return [
    `Invalid console configuration from ${result.source} (${count}):`,
    ...result.problems.map(({ path, message }) => `  - ${path}: ${message}`),
    "Nothing starts until every problem is fixed; console.config.example.yaml documents each field.",
  ].join("\n");
}

let loaded: ConsoleConfig | undefined;

/** The running server's configuration, loaded once. instrumentation.ts has already exited on problems. */
export function getConfig(): ConsoleConfig {
  if (loaded) return loaded;
  const result = loadConfig();
  if (!result.ok) throw new Error(formatConfigProblems(result));
  loaded = result.config;
  return loaded;
}
