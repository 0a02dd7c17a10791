import "server-only";

// Results of the SCRAM user and quota changes: a failure carries a status and the Kafka code, and a
// refusal Kafka gives for one user or entity (UNACCEPTABLE_CREDENTIAL, INVALID_REQUEST, …) is told with
// the broker's own explanation rather than as a broker failure.
import type { ActionStatus } from "@/lib/errors";

import { flattenErrorChain } from "./errors/error-chain";
import type { ProblemFailure } from "./errors/problem-status";

export type SecurityResult<T> = { ok: true; data: T } | ProblemFailure;

export const securityFailure = (status: ActionStatus, code: string, error: string): ProblemFailure => ({
  ok: false,
  status,
  code,
  error,
});

/** Kafka's answers that are the request's fault (the caller can fix them), by status. */
const REFUSALS: Record<string, ActionStatus> = {
  UNACCEPTABLE_CREDENTIAL: 422,
  UNSUPPORTED_SASL_MECHANISM: 422,
  DUPLICATE_RESOURCE: 409,
  RESOURCE_NOT_FOUND: 404,
  INVALID_REQUEST: 422,
  INVALID_CONFIG: 422,
  POLICY_VIOLATION: 422,
};

/** The request's own refusal in a Kafka error, worded for the operator with the code; null otherwise. */
export function kafkaRefusal(error: unknown, subject: string): ProblemFailure | null {
  for (const link of flattenErrorChain(error)) {
    const code = typeof link.error.apiId === "string" ? link.error.apiId : undefined;
    if (!code || !(code in REFUSALS)) continue;
    const explanation =
      typeof link.error.serverErrorMessage === "string" && link.error.serverErrorMessage
        ? `: ${link.error.serverErrorMessage}`
        : ".";
    return securityFailure(REFUSALS[code]!, code, `Kafka refused the ${subject}${explanation} (${code})`);
  }
  return null;
}
