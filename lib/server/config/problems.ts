import "server-only";

import type { z } from "zod";

export interface ConfigProblem {
  path: string;
  message: string;
}

/** ["clusters", 0, "tls", "ca"] → "clusters[0].tls.ca", the form operators read and search for. */
export function formatPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`))
    .join("")
    .replace(/^\./, "");
  return text === "" ? "(root)" : text;
}

/** One problem per zod issue, and one per unknown key so each typo is named at its own path. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: "unknown key" }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

// zod's default reads "Invalid input: expected string, received undefined" for a missing field.
export const requiredFieldMessage = (issue: z.core.$ZodRawIssue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined;
