import "server-only";

// REST answers for registry failures: a cluster without a registry, and the registry's problems with
// their kind as the code and the registry's own code (error_code, HTTP status, network error) beside.
import { apiError } from "@/lib/api-errors";

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
