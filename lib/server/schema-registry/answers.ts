import "server-only";

// REST answers for registry failures: a cluster without a registry, and the registry's problems with
// their kind as the code and the registry's own code (error_code, HTTP status, network error) beside.
import { apiError } from "@/lib/api-errors";
import { listClusterNames } from "@/lib/server/kafka";
import { actionError, type ActionResult, type ActionStatus } from "@/lib/errors";

import type { RegistryProblem } from "./problems";

const STATUS: Record<RegistryProblem["kind"], number> = {
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  authentication: 502,
  authorization: 502,
  unsupported: 501,
  unreachable: 502,
  tls: 502,
  registry: 502,
};

export function registryNotConfigured(cluster: string): Response {
  return apiError(
    404,
    "SCHEMA_REGISTRY_NOT_CONFIGURED",
    `Cluster "${cluster}" has no schema registry configured (clusters[].schemaRegistry).`,
  );
}

export function registryProblemResponse(problem: RegistryProblem): Response {
  const code = `SCHEMA_REGISTRY_${problem.kind.toUpperCase().replace(/-/g, "_")}`;
  return apiError(STATUS[problem.kind], code, problem.title, {
    details: { hint: problem.hint, ...(problem.code && { registryCode: problem.code }) },
  });
}

/** The REST answer of a failed browse or change: not configured (404) or the registry's problem. */
export function registryFailureResponse(
  cluster: string,
  failure: { ok: false; notConfigured: true } | { ok: false; problem: RegistryProblem },
): Response {
  return "notConfigured" in failure
    ? registryNotConfigured(cluster)
    : registryProblemResponse(failure.problem);
}

const ACTION_STATUS: Record<RegistryProblem["kind"], ActionStatus> = {
  ...STATUS,
  unsupported: 502,
} as Record<RegistryProblem["kind"], ActionStatus>;

/** The same failure for a server action: the registry's words, its code, and what to do. */
export function registryActionError(
  cluster: string,
  failure: { ok: false; notConfigured: true } | { ok: false; problem: RegistryProblem },
): ActionResult<never> {
  if ("notConfigured" in failure)
    return actionError(404, `Cluster "${cluster}" has no schema registry configured.`);
  const { title, hint, code, kind } = failure.problem;
  return actionError(ACTION_STATUS[kind], `${title}${code ? ` [${code}]` : ""}. ${hint}`.trim());
}

/** 404 UNKNOWN_CLUSTER for a name the configuration does not have; undefined for a known one. */
export function unknownClusterResponse(cluster: string): Response | undefined {
  if (listClusterNames().includes(cluster)) return undefined;
  return apiError(404, "UNKNOWN_CLUSTER", `No cluster named "${cluster}" is configured.`);
}

export const NO_STORE = { "Cache-Control": "no-store" };
