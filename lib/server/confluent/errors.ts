// Confluent REST Proxy errors: `{"error_code": <int>, "message": <text>}`, and the one mapping from the
// console's failures (its own codes and Kafka's) to Confluent's codes and HTTP statuses.
import type { ServiceFailure } from "@/lib/api-errors";

export interface ConfluentErrorBody {
  error_code: number;
  message: string;
}

/** Confluent's codes the console answers with (kafka-rest's Errors and KafkaExceptionMapper). */
export const CONFLUENT_CODES = {
  badRequest: 400,
  kafkaBadRequest: 40002,
  unauthorized: 40101,
  forbidden: 40301,
  notFound: 404,
  topicNotFound: 40401,
  partitionNotFound: 40402,
  consumerInstanceNotFound: 40403,
  leaderNotAvailable: 40404,
  conflict: 409,
  payloadTooLarge: 413,
  invalidInput: 42201,
  tooManyRequests: 429,
  internal: 500,
  kafkaError: 50002,
  kafkaRetriable: 50003,
} as const;

/** Console and Kafka codes with their own Confluent answer: [HTTP status, error_code]. */
const BY_CODE: Record<string, [number, number]> = {
  UNAUTHENTICATED: [401, CONFLUENT_CODES.unauthorized],
  FORBIDDEN: [403, CONFLUENT_CODES.forbidden],
  CROSS_ORIGIN: [403, CONFLUENT_CODES.forbidden],
  PASSWORD_CHANGE_REQUIRED: [403, CONFLUENT_CODES.forbidden],
  UNKNOWN_TOPIC_OR_PARTITION: [404, CONFLUENT_CODES.topicNotFound],
  UNKNOWN_TOPIC_ID: [404, CONFLUENT_CODES.topicNotFound],
  UNKNOWN_CLUSTER: [404, CONFLUENT_CODES.notFound],
  BROKER_NOT_AVAILABLE: [404, CONFLUENT_CODES.notFound],
  LEADER_NOT_AVAILABLE: [404, CONFLUENT_CODES.leaderNotAvailable],
  // Kafka's refusals of what the request asked: Confluent answers 400 with 40002 for each.
  TOPIC_ALREADY_EXISTS: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_TOPIC_EXCEPTION: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_REPLICATION_FACTOR: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_PARTITIONS: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_REPLICA_ASSIGNMENT: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_CONFIG: [400, CONFLUENT_CODES.kafkaBadRequest],
  INVALID_REQUEST: [400, CONFLUENT_CODES.kafkaBadRequest],
  POLICY_VIOLATION: [400, CONFLUENT_CODES.kafkaBadRequest],
  UNSUPPORTED_VERSION: [400, CONFLUENT_CODES.kafkaBadRequest],
  MALFORMED_JSON: [400, CONFLUENT_CODES.badRequest],
  VALIDATION_FAILED: [422, CONFLUENT_CODES.invalidInput],
  PAYLOAD_TOO_LARGE: [413, CONFLUENT_CODES.payloadTooLarge],
};

/** error_code by status, for a code the table does not name. */
function codeForStatus(status: number, code: string | undefined): number {
  if (status === 401) return CONFLUENT_CODES.unauthorized;
  if (status === 403) return CONFLUENT_CODES.forbidden;
  if (status === 422 || status === 400) return code?.endsWith("_AUTHORIZATION_FAILED") ? 40301 : 42201;
  if (status === 502) return CONFLUENT_CODES.kafkaError;
  if (status === 503 || status === 504) return CONFLUENT_CODES.kafkaRetriable;
  return status;
}

/** The Confluent status and error_code for a console failure's status and code. */
export function confluentCodeOf(status: number, code?: string): { status: number; errorCode: number } {
  const known = code ? BY_CODE[code] : undefined;
  if (known) return { status: known[0], errorCode: known[1] };
  if (code?.endsWith("_AUTHORIZATION_FAILED")) return { status: 403, errorCode: CONFLUENT_CODES.forbidden };
  // A service's 400 is invalid input (422), as in lib/api-errors.ts.
  const answered = status === 400 ? 422 : status;
  return { status: answered, errorCode: codeForStatus(answered, code) };
}

/** Field errors appended to a message: `topic_name: Topic names have …; partitions_count: …`. */
export function withFields(message: string, fields?: Record<string, string[]>): string {
  if (!fields || Object.keys(fields).length === 0) return message;
  const details = Object.entries(fields)
    .map(([field, problems]) => `${field}: ${problems.join(" ")}`)
    .join("; ");
  return `${message.replace(/;? ?see error\.fields\.?$/, "").trim()} ${details}`.trim();
}

/** The one builder of Confluent error responses; never cached. */
export function confluentError(
  status: number,
  errorCode: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body: ConfluentErrorBody = { error_code: errorCode, message };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A failed service result (lib/server/kafka/*) as a Confluent error, its Kafka code mapped. */
export function confluentFailure(result: ServiceFailure): Response {
  const { status, errorCode } = confluentCodeOf(result.status, result.code);
  return confluentError(status, errorCode, withFields(result.error, result.fieldErrors));
}

/** 404 for a missing resource with the error_code clients test for (40401 topic, 40402 partition, …). */
export function confluentNotFound(errorCode: number, message: string): Response {
  return confluentError(404, errorCode, message);
}

/** 422 for a request the console refuses before Kafka sees it. */
export function confluentInvalid(message: string): Response {
  return confluentError(422, CONFLUENT_CODES.invalidInput, message);
}

/** True for a body already in Confluent's shape. */
export function isConfluentErrorBody(body: unknown): body is ConfluentErrorBody {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as ConfluentErrorBody).error_code === "number" &&
    typeof (body as ConfluentErrorBody).message === "string"
  );
}
