// One table from a cluster problem to the HTTP status a REST route or server action answers with:
// a request the broker refuses as malformed is the client's error (4xx), a broker failure is 502.
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

/** 403 for a missing ACL, 404 for an unknown cluster or topic, 400 for a name Kafka refuses, 504 for a timeout, else 502. */
export function problemStatus(problem: ClusterProblem): ProblemStatus {
  if (problem.kind === "authorization") return 403;
  if (problem.kind === "unknown-cluster") return 404;
  return (problem.code && statusByCode[problem.code]) || 502;
}
