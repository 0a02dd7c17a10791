import "server-only";

import { parseDocument } from "yaml";

import { type ConfigProblem, formatPath } from "./problems";

// CONSOLE__CLUSTERS__0__SASL__PASSWORD=... sets clusters[0].sasl.password: double underscores separate
// path segments, numeric segments index lists, UPPER_SNAKE segments become camelCase keys.
export const OVERRIDE_PREFIX = "CONSOLE__";

/** Wider than NodeJS.ProcessEnv (whose NODE_ENV Next makes required), so scripts and tests pass plain objects. */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

export type ConfigPath = (string | number)[];

export interface EnvOverride {
  variable: string;
  path: ConfigPath;
  value: unknown;
}

const SEGMENT = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

function toPathSegment(segment: string): string | number | undefined {
  if (/^\d+$/.test(segment)) return Number(segment);
  if (!SEGMENT.test(segment)) return undefined;
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

// Values are taken literally (a password like 0123 or true stays a string) unless they start with
// "[" or "{": then they are a YAML flow list or mapping, e.g. [a:9092, b:9092] or { file: ./ca.pem }.
function parseOverrideValue(raw: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = raw.trim();
  if (!text.startsWith("[") && !text.startsWith("{")) return { ok: true, value: raw };
  // yaml's messages are left out: the value may be a secret that starts with "[" or "{".
  const reason = `starts with "${text[0]}" but is not a YAML flow list or mapping`;
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) return { ok: false, reason };
  try {
    return { ok: true, value: document.toJS() };
  } catch {
    return { ok: false, reason };
  }
}

function parseOverridePath(
  variable: string,
): { ok: true; path: ConfigPath } | { ok: false; segment: string } {
  const path: ConfigPath = [];
  for (const segment of variable.slice(OVERRIDE_PREFIX.length).split("__")) {
    const key = toPathSegment(segment);
    if (key === undefined) return { ok: false, segment };
    path.push(key);
  }
  return { ok: true, path };
}

/** Overrides in a stable order, and problems with malformed ones (never quoting the value). */
export function readEnvOverrides(env: EnvironmentVariables): {
  overrides: EnvOverride[];
  problems: ConfigProblem[];
} {
  const overrides: EnvOverride[] = [];
  const problems: ConfigProblem[] = [];
  const variables = Object.keys(env).filter((name) => name.startsWith(OVERRIDE_PREFIX));
  // Numeric order, so CLUSTERS__2 is created before CLUSTERS__10 and lists grow without gaps.
  for (const variable of variables.sort(new Intl.Collator("en", { numeric: true }).compare)) {
    const raw = env[variable];
    if (raw === undefined) continue;
    const path = parseOverridePath(variable);
    if (!path.ok) {
      problems.push({
        path: variable,
        message: `"${path.segment}" is not a valid path segment (NAME or index)`,
      });
      continue;
    }
    const parsed = parseOverrideValue(raw);
    if (parsed.ok) overrides.push({ variable, path: path.path, value: parsed.value });
    else problems.push({ path: variable, message: `the value ${parsed.reason}` });
  }
  return { overrides, problems };
}

const isContainer = (value: unknown): value is object => typeof value === "object" && value !== null;

/** Writes each override into the document (in place), creating sections and list entries on the way. */
export function applyEnvOverrides(
  document: Record<string, unknown>,
  overrides: EnvOverride[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { variable, path, value } of overrides) {
    let container: object = document;
    let conflict: string | undefined;
    for (const [index, key] of path.entries()) {
      if (Array.isArray(container) && typeof key !== "number") {
        conflict = `${formatPath(path.slice(0, index))} is a list; index it with a number`;
        break;
      }
      if (Array.isArray(container) && typeof key === "number" && key > container.length) {
        const entries = container.length === 1 ? "1 entry" : `${container.length} entries`;
        conflict = `${formatPath(path.slice(0, index))} has ${entries}; the next index is ${container.length}`;
        break;
      }
      if (index === path.length - 1) {
        Reflect.set(container, key, value);
        break;
      }
      // Own properties only: "constructor" or "toString" must not reach Object.prototype.
      const existing = Object.hasOwn(container, key) ? Reflect.get(container, key) : undefined;
      if (existing !== undefined && existing !== null && !isContainer(existing)) {
        conflict = `${formatPath(path.slice(0, index + 1))} is a value, not a section or list`;
        break;
      }
      const next = isContainer(existing) ? existing : typeof path[index + 1] === "number" ? [] : {};
      Reflect.set(container, key, next);
      container = next;
    }
    if (conflict) problems.push({ path: variable, message: `cannot set ${formatPath(path)}: ${conflict}` });
  }
  return problems;
}

const within = (outer: string, inner: string) =>
  inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/** Says which environment variable set a faulty field, since the YAML file does not show it. */
export function attributeToOverrides(problems: ConfigProblem[], overrides: EnvOverride[]): ConfigProblem[] {
  return problems.map((problem) => {
    const override = overrides.find(({ path }) => {
      const overridden = formatPath(path);
      return within(overridden, problem.path) || within(problem.path, overridden);
    });
    return override ? { ...problem, message: `${problem.message} (set by ${override.variable})` } : problem;
  });
}
