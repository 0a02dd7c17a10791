import "server-only";

// A cluster problem met while creating a topic or changing configs, as the failed result users see:
// what Kafka refused because of the request (a config, a policy, a name, a replication factor) is
// the caller's to fix (409/422), not a broker failure (502); the Kafka code stays in the answer.
import type { ClusterProblem } from "@/lib/schemas/cluster";

import type { ActionResult } from "@/lib/errors";

import { REQUEST_REFUSALS, refusalResult } from "./errors/problem-status";

/** A refusal with the code REST answers with (the Kafka code, or the console's own). */
export type ConfigsFailure = Extract<ActionResult<never>, { ok: false }> & { code: string };

const STATUS_BY_CODE: Record<string, ConfigsFailure["status"]> = {
  ...REQUEST_REFUSALS,
  TOPIC_ALREADY_EXISTS: 409,
  INVALID_CONFIG: 422,
  INVALID_REPLICATION_FACTOR: 422,
  UNSUPPORTED_VERSION: 422,
  BROKER_NOT_AVAILABLE: 404,
};

/** The failed result for a problem, with the refusals above given the caller's status. */
export function refusalOf(problem: ClusterProblem): ConfigsFailure {
  return refusalResult(problem, STATUS_BY_CODE);
}
