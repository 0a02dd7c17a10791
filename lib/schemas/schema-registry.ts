// A cluster's schema registry as the UI and the REST API see it.

/** What the console knows of the registry's health; `problem` is one line, the registry's host at most. */
export type RegistryHealth =
  | { state: "not-configured" }
  | { state: "reachable"; checkedAt: string; latencyMs: number }
  | { state: "unreachable"; checkedAt: string; problem: { title: string; hint: string; code?: string } };
