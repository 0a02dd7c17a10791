// Expected failures are returned, not thrown: server actions answer an ActionResult, route handlers
// a JSON error body (lib/api-errors.ts). Next.js hides thrown messages in production, so these carry
// the text users see.
import type { z } from "zod";

export type ActionStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502 | 503 | 504;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; status: ActionStatus; fieldErrors?: Record<string, string[]> };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionError<T = never>(
  status: ActionStatus,
  message: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<T> {
  return fieldErrors
    ? { ok: false, error: message, status, fieldErrors }
    : { ok: false, error: message, status };
}

/**
 * zod issues as field errors keyed by dotted path ("subjectAltNames.1.value"; "form" for the whole
 * input): the one shape server actions, forms and REST error bodies share.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    (fields[path] ??= []).push(issue.message);
  }
  return fields;
}

/** A refusal some lower layer threw instead of returning: a status, a code and a message users may see. */
export interface OrdinaryRefusal {
  status: ActionStatus;
  code: string;
  message: string;
}

// By name, not instanceof: Next bundles a module once per layer (instrumentation, pages, actions),
// so a store opened at start-up throws its own copy of StoreConflictError, which is not the class
// the caller imported. Names here must be errors whose message is written for people.
const ORDINARY_REFUSALS: Record<string, Omit<OrdinaryRefusal, "message">> = {
  StoreConflictError: { status: 409, code: "CONFLICT" },
  NotFoundError: { status: 404, code: "NOT_FOUND" },
  ZodError: { status: 400, code: "INVALID" },
};

/**
 * Conflicts, not-found and invalid input are part of a day's work: the guards answer them with
 * their status and log one line, keeping stack traces for what nobody expected. Null otherwise.
 */
export function ordinaryRefusal(error: unknown): OrdinaryRefusal | null {
  if (!(error instanceof Error) || !Object.hasOwn(ORDINARY_REFUSALS, error.name)) return null;
  const kind = ORDINARY_REFUSALS[error.name]!;
  // A ZodError's message is its issues as JSON, for developers.
  return { ...kind, message: error.name === "ZodError" ? "The request is not valid." : error.message };
}
