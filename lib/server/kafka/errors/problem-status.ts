// One table from a cluster problem to the HTTP status a REST route or server action answers with,
// and one failed result built from it: a request the broker refuses as malformed is the client's
// error (4xx), a refusal by the authorizer is 403 whichever operation met it, a broker failure is 502.
import type { ActionResult } from "@/lib/errors";
import type { ClusterProblem } from "@/lib/schemas/cluster";

export type ProblemStatus = 400 | 403 | 404 | 502 | 504;

/** Kafka and library codes whose status is not the default 502; the code is kept in the answer. */
const statusByCode: Record<string, ProblemStatus> = {
  // Kafka refuses a topic name that breaks its rules; the caller sent it.
  INVALID_TOPIC_EXCEPTION: 400,
  UNKNOWN_TOPIC_OR_PARTITION: 404,
  UNKNOWN_TOPIC_ID: 404,
  PLT_KFK_TIMEOUT: 504,
  REQUEST_TIMED_OUT: 504,
};

/**
 * 403 for a missing ACL (the message names the console's identity and what to grant), 404 for an
 * unknown cluster or topic, 400 for a name Kafka refuses, 504 for a timeout, else 502.
 */
export function problemStatus(problem: ClusterProblem): ProblemStatus {
  if (problem.kind === "authorization") return 403;
  if (problem.kind === "unknown-cluster") return 404;
  return (problem.code && statusByCode[problem.code]) || 502;
}

/** A failed result for a cluster problem; `code` is the Kafka code (or the problem's kind) for REST. */
export type ProblemFailure = Extract<ActionResult<never>, { ok: false }> & { code: string };

/** Title, hint and Kafka code as one message, the status from the table; `more` adds a sentence. */
export function problemResult(problem: ClusterProblem, more = ""): ProblemFailure {
  const message = `${problem.title}. ${problem.hint}${problem.code ? ` (${problem.code})` : ""}${more}`;
  const code = problem.code ?? problem.kind.toUpperCase().replaceAll("-", "_");
  return { ok: false, error: message, status: problemStatus(problem), code };
}

/**
 * Kafka's refusals of what a request asked (a policy, a malformed request, partitions or replicas it
 * cannot have): the caller's to fix, 422, in every operation's table that lists them.
 */
export const REQUEST_REFUSALS: Record<string, ProblemFailure["status"]> = {
  POLICY_VIOLATION: 422,
  INVALID_REQUEST: 422,
  INVALID_PARTITIONS: 422,
  INVALID_REPLICA_ASSIGNMENT: 422,
};

/** problemResult, with an operation's own status for the Kafka codes it lists in place of the table's. */
export function refusalResult(
  problem: ClusterProblem,
  statusByCode: Record<string, ProblemFailure["status"]>,
): ProblemFailure {
  const failure = problemResult(problem);
  const status = problem.code ? statusByCode[problem.code] : undefined;
  return status ? { ...failure, status } : failure;
}
