// REST error bodies with field-level details: `{ "error": { "code", "message", "fields"? } }`.
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/certificate-form";
import type { ActionResult } from "@/lib/errors";

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
): Response {
  const body: ApiErrorBody = { error: fields ? { code, message, fields } : { code, message } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function validationError(error: z.ZodError): Response {
  return apiError(
    422,
    "VALIDATION_FAILED",
    "The request has invalid fields; see error.fields.",
    fieldErrorsOf(error),
  );
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

/**
 * A failed service result as a REST error, its field errors kept. A 400 from a service is a
 * validation failure (422); other statuses stand (a reserved name is 403 even though it names the
 * field). `codes` names what a status means for this route.
 */
export function failureResponse(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  codes: Partial<Record<number, string>> = {},
): Response {
  const status = result.status === 400 ? 422 : result.status;
  const fields =
    result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : undefined;
  return apiError(status, codes[result.status] ?? CODES[status] ?? "ERROR", result.error, fields);
}
