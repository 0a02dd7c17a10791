// REST error bodies, built in one place: `{ "error": { "code", "message", "fields"?, … } }`, never cached.
import type { z } from "zod";

import { type ActionResult, fieldErrorsOf } from "@/lib/errors";

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** Field errors by dotted path, as fieldErrorsOf builds them. */
    fields?: Record<string, string[]>;
    /** Facts a client can act on (a search's running count and limit, a filter's syntax error). */
    [detail: string]: unknown;
  };
}

export interface ApiErrorOptions {
  fields?: Record<string, string[]>;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The one builder of REST error responses. */
export function apiError(
  status: number,
  code: string,
  message: string,
  options: ApiErrorOptions = {},
): Response {
  const { fields, details, headers } = options;
  const body: ApiErrorBody = { error: { code, message, ...details, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Invalid input: 422 with every field's errors. */
export function validationError(error: z.ZodError): Response {
  return apiError(422, "VALIDATION_FAILED", "The request has invalid fields; see error.fields.", {
    fields: fieldErrorsOf(error),
  });
}

const CODES: Record<number, string> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "VALIDATION_FAILED",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL",
  502: "BAD_GATEWAY",
  // The server's worker pool is full or a task ran out of time (lib/server/workers).
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
};

/** A failed service result; `code` is the Kafka code (TOPIC_AUTHORIZATION_FAILED, …) when a cluster problem caused it. */
export type ServiceFailure = Extract<ActionResult<unknown>, { ok: false }> & { code?: string };

/**
 * A failed service result as a REST error, its field errors kept. A 400 from a service is a
 * validation failure (422); other statuses stand (a reserved name is 403 even though it names the
 * field). The code: the failure's own (a Kafka code), else what `codes` names the status for this
 * route, else the status's generic code.
 */
export function failureResponse(
  result: ServiceFailure,
  codes: Partial<Record<number, string>> = {},
): Response {
  const status = result.status === 400 ? 422 : result.status;
  const fields =
    result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : undefined;
  const code = result.code ?? codes[result.status] ?? CODES[status] ?? "ERROR";
  return apiError(status, code, result.error, { fields });
}
